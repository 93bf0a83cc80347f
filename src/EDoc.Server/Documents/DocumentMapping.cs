using System.Globalization;
using EDoc.Domain.Documents;
using EDoc.Domain.Errors;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Documents;

/// <summary>Documents and journals ↔ API messages; the enum values of both are kept equal on purpose.</summary>
internal static class DocumentMapping
{
    private const string DateFormat = "yyyy-MM-dd";

    public static Proto.Document ToProto(Document d) => new()
    {
        Id = d.Id,
        AgencyId = d.AgencyId,
        Kind = (Proto.DocumentKind)(int)d.Kind,
        Status = (Proto.DocumentStatus)(int)d.Status,
        Title = d.Title,
        Summary = d.Summary,
        Language = d.Language,
        Correspondent = d.Correspondent,
        Attachments = { d.Attachments.Select(ToProto) },
        AuthorId = d.AuthorId,
        ContentVersion = d.CurrentContentVersion,
        ContentSha256 = d.Content?.Sha256Hex ?? "",
        JournalId = d.Registration?.JournalId ?? "",
        RegistrationNumber = d.Registration?.Number ?? "",
        RegistrationTime = d.Registration is { } r ? Timestamp.FromDateTimeOffset(r.RegisteredAt) : null,
        DueDate = ToProto(d.DueDate),
        OnControl = d.OnControl,
        ControllerId = d.Control?.ControllerId ?? "",
        ControlDueDate = ToProto(d.Control?.DueDate),
        OriginAgencyId = d.Origin?.AgencyId ?? "",
        OriginDocumentId = d.Origin?.DocumentId ?? "",
        CreateTime = Timestamp.FromDateTimeOffset(d.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(d.UpdatedAt),
        Version = d.Version,
    };

    public static Proto.ContentVersion ToProto(string documentId, ContentVersion c) => new()
    {
        DocumentId = documentId, Number = c.Number, Sha256 = c.Sha256Hex, Size = c.Size, ContentType = c.ContentType,
        UploadedBy = c.UploadedBy, UploadTime = Timestamp.FromDateTimeOffset(c.UploadedAt),
    };

    public static Proto.Journal ToProto(RegistrationJournal j) => new()
    {
        Id = j.Id, AgencyId = j.AgencyId, Index = j.Index, Name = j.Name, NumberFormat = j.NumberFormat.Pattern,
        Kinds = { j.Kinds.Select(k => (Proto.DocumentKind)(int)k) },
    };

    public static Proto.Attachment ToProto(AttachmentInfo a) => new()
    {
        Name = a.Name, ContentType = a.ContentType, Size = a.Size, Sha256 = a.Sha256Hex,
    };

    /// <summary>A date as the API writes it, YYYY-MM-DD; empty when there is none.</summary>
    public static string ToProto(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "";

    /// <summary>The attachments' descriptions; the domain checks their values.</summary>
    public static IReadOnlyList<AttachmentInfo> ToDomain(RepeatedField<Proto.Attachment> attachments) =>
        attachments.Select(a => new AttachmentInfo(a.Name, a.ContentType, a.Size, a.Sha256)).ToArray();

    /// <summary>A required kind: unspecified is a missing field, a number the API does not define is unknown.</summary>
    public static DocumentKind Kind(Violations violations, string field, Proto.DocumentKind kind)
    {
        if (kind == Proto.DocumentKind.Unspecified) violations.Add(field, "is required", "MISSING_FIELD");
        return KnownKind(violations, field, kind) ?? default;
    }

    /// <summary>The kinds of a journal, each a known, specified value.</summary>
    public static IReadOnlyList<DocumentKind> Kinds(Violations violations, string field, RepeatedField<Proto.DocumentKind> kinds)
    {
        var result = new List<DocumentKind>();
        for (var i = 0; i < kinds.Count; i++)
        {
            if (kinds[i] == Proto.DocumentKind.Unspecified)
                violations.Add($"{field}[{i}]", "is not a known document kind (0)", "UNKNOWN_ENUM_VALUE");
            else if (KnownKind(violations, $"{field}[{i}]", kinds[i]) is { } kind) result.Add(kind);
        }
        return result;
    }

    /// <summary>An optional kind filter: unspecified does not filter.</summary>
    public static DocumentKind? KindFilter(Violations violations, string field, Proto.DocumentKind kind) =>
        kind == Proto.DocumentKind.Unspecified ? null : KnownKind(violations, field, kind);

    /// <summary>An optional status filter: unspecified does not filter.</summary>
    public static DocumentStatus? StatusFilter(Violations violations, string field, Proto.DocumentStatus status)
    {
        if (status == Proto.DocumentStatus.Unspecified) return null;
        if (System.Enum.IsDefined((DocumentStatus)(int)status)) return (DocumentStatus)(int)status;
        violations.Add(field, $"is not a known document status ({(int)status})", "UNKNOWN_ENUM_VALUE");
        return null;
    }

    private static DocumentKind? KnownKind(Violations violations, string field, Proto.DocumentKind kind)
    {
        if (kind == Proto.DocumentKind.Unspecified) return null;
        if (System.Enum.IsDefined((DocumentKind)(int)kind)) return (DocumentKind)(int)kind;
        violations.Add(field, $"is not a known document kind ({(int)kind})", "UNKNOWN_ENUM_VALUE");
        return null;
    }
}
