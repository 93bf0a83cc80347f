namespace EDoc.Domain.Errors;

/// <summary>A rule of the domain refused a command; each subclass maps to one canonical gRPC status code.</summary>
public abstract class DomainException(string reason, string message, IReadOnlyDictionary<string, string>? metadata = null)
    : Exception(message)
{
    /// <summary>UPPER_SNAKE reason for the ErrorInfo detail, e.g. INVALID_IIN.</summary>
    public string Reason { get; } = reason;

    /// <summary>Dynamic values for the ErrorInfo metadata, keyed in lowerCamel.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata ?? new Dictionary<string, string>();
}

/// <summary>One field of a request that is wrong, named by its API path (e.g. employee.iin), with an UPPER_SNAKE reason.</summary>
public sealed record FieldViolation(string Field, string Description, string Reason = "INVALID_ARGUMENT");

/// <summary>The request is malformed; nothing was changed. The reason is the first violation's unless given.</summary>
public sealed class InvalidArgumentException(IReadOnlyList<FieldViolation> violations, string? reason = null)
    : DomainException(reason ?? violations[0].Reason,
        "Invalid request: " + string.Join("; ", Capped(violations).Select(v => $"{v.Field}: {v.Description}")))
{
    /// <summary>
    /// Most violations a reply names. The details travel in HTTP/2 headers, which clients and proxies cap (often at
    /// 8–16 KB): a reply naming a thousand bad items would never arrive, and the connection would break with it.
    /// </summary>
    public const int MaxShown = 20;

    /// <summary>The wrong fields.</summary>
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    /// <summary>The violations a reply names: the first <see cref="MaxShown"/>, then one saying how many more there are.</summary>
    public IReadOnlyList<FieldViolation> Shown => Capped(Violations);

    private static IReadOnlyList<FieldViolation> Capped(IReadOnlyList<FieldViolation> violations) =>
        violations.Count <= MaxShown
            ? violations
            : [.. violations.Take(MaxShown), new FieldViolation(violations[MaxShown].Field, $"and {violations.Count - MaxShown} more",
                "TOO_MANY_VIOLATIONS")];

    /// <summary>A request with one wrong field.</summary>
    public static InvalidArgumentException For(string field, string description, string reason = "INVALID_ARGUMENT") =>
        new([new FieldViolation(field, description, reason)]);
}

/// <summary>The resource does not exist, or exists outside the caller's scope (which must look the same).</summary>
public sealed class NotFoundException(string resourceType, string id)
    : DomainException(resourceType.ToUpperInvariant() + "_NOT_FOUND", $"{resourceType} '{id}' was not found.",
        new Dictionary<string, string> { ["resourceType"] = resourceType, ["id"] = id })
{
    /// <summary>The kind of resource, e.g. Employee.</summary>
    public string ResourceType { get; } = resourceType;
}

/// <summary>The resource to create already exists.</summary>
public sealed class AlreadyExistsException(string field, string message, string reason = "ALREADY_EXISTS")
    : DomainException(reason, message, new Dictionary<string, string> { ["field"] = field })
{
    /// <summary>The request field whose value is taken.</summary>
    public string Field { get; } = field;
}

/// <summary>The caller is known but its roles do not allow this.</summary>
public sealed class PermissionDeniedException(string message, string reason = "PERMISSION_DENIED")
    : DomainException(reason, message);

/// <summary>The caller is not authenticated or its credentials are wrong.</summary>
public sealed class UnauthenticatedException(string message, string reason = "UNAUTHENTICATED",
    IReadOnlyDictionary<string, string>? metadata = null)
    : DomainException(reason, message, metadata);

/// <summary>The system is not in a state that allows the command (e.g. an inactive employee).</summary>
public sealed class FailedPreconditionException(string reason, string message, string subject = "")
    : DomainException(reason, message, new Dictionary<string, string> { ["subject"] = subject })
{
    /// <summary>What the precondition is about, for the PreconditionFailure detail.</summary>
    public string Subject { get; } = subject;
}

/// <summary>Stored data that must exist is gone or corrupt (a tampered log): nothing the caller can fix.</summary>
public sealed class DataLossException(string reason, string message) : DomainException(reason, message);

/// <summary>The caller decided on a version that has changed since; re-read and retry.</summary>
public sealed class ConcurrencyConflictException(string streamId, long expectedVersion, long actualVersion)
    : DomainException("STALE_VERSION",
        $"'{streamId}' is at version {actualVersion}, not {expectedVersion}: re-read it and retry.",
        new Dictionary<string, string>
        {
            ["stream"] = streamId,
            ["expectedVersion"] = expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["actualVersion"] = actualVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
