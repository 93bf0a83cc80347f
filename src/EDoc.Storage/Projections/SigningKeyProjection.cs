using EDoc.Domain.Events;
using EDoc.Domain.Signatures;
using EDoc.Storage.EventLog;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Projections;

/// <summary>The agency_cas and signing_keys tables; <see cref="SigningKey"/> decides what each event changes.</summary>
internal sealed class SigningKeyProjection : IProjection
{
    public async Task ApplyAsync(DbSession session, RecordedEvent recorded, DomainEvent e, CancellationToken ct)
    {
        switch (e)
        {
            case AgencyCaCreated ca:
                await SigningKeysTable.InsertCaAsync(session, ca, recorded.RecordedAt, ct);
                break;
            case KeyEnrolled enrolled:
                await SigningKeysTable.UpsertAsync(session, SigningKey.From(enrolled, recorded.RecordedAt, recorded.StreamVersion), ct);
                break;
            case KeyRevoked revoked:
                var key = await SigningKeysTable.GetAsync(session, revoked.Serial, ct)
                          ?? throw new InvalidOperationException($"Signing key '{revoked.Serial}' has no row.");
                await SigningKeysTable.UpsertAsync(session, key.Apply(e, recorded.RecordedAt, recorded.StreamVersion), ct);
                break;
        }
    }
}
