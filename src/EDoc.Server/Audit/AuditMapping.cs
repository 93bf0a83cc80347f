using EDoc.Storage.EventLog;
using EDoc.Storage.Tables;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Audit;

/// <summary>Log entries and checkpoints as API messages.</summary>
internal static class AuditMapping
{
    public static Proto.LogEvent ToProto(RecordedEvent e) => new()
    {
        Sequence = e.Sequence,
        StreamId = e.StreamId,
        StreamVersion = e.StreamVersion,
        AgencyId = e.AgencyId ?? "",
        EventType = e.EventType,
        PayloadJson = e.Payload,
        ActorId = e.ActorId,
        OnBehalfOf = e.OnBehalfOf ?? "",
        RequestId = e.RequestId?.ToString("D") ?? "",
        RecordTime = Timestamp.FromDateTimeOffset(e.RecordedAt),
        LeafHash = ByteString.CopyFrom(e.LeafHash),
    };

    public static Proto.Checkpoint ToProto(StoredCheckpoint c, byte[] logPublicKey) => new()
    {
        TreeSize = c.TreeSize,
        RootHash = ByteString.CopyFrom(c.RootHash),
        SignTime = Timestamp.FromDateTimeOffset(c.SignedAt),
        SignedNote = c.Note,
        LogPublicKey = ByteString.CopyFrom(logPublicKey),
        LogKeyName = Domain.Audit.SignedCheckpoint.Origin,
    };
}
