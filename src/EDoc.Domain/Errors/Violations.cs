using EDoc.Domain.Identity;

namespace EDoc.Domain.Errors;

/// <summary>Collects every wrong field of a request, so the caller learns all of them in one reply.</summary>
public sealed class Violations
{
    /// <summary>Longest free text we accept in a name or title field.</summary>
    public const int MaxTextLength = 500;

    private readonly List<FieldViolation> _items = [];

    /// <summary>Whether anything was found wrong.</summary>
    public bool Any => _items.Count > 0;

    /// <summary>Records a wrong field.</summary>
    public Violations Add(string field, string description)
    {
        _items.Add(new FieldViolation(field, description));
        return this;
    }

    /// <summary>The field must be present and not longer than <paramref name="maxLength"/>.</summary>
    public Violations Text(string field, string? value, bool required = true, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "is required");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters");
        }
        return this;
    }

    /// <summary>The field must be a resource id: 3–63 lowercase letters, digits or hyphens, starting with a letter (AIP-122).</summary>
    public Violations Id(string field, string? value, bool required = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required) Add(field, "is required");
        }
        else if (!ResourceId.IsValid(value))
        {
            Add(field, "must be 3-63 lowercase letters, digits or hyphens, starting with a letter");
        }
        return this;
    }

    /// <summary>The field must be a valid IIN.</summary>
    public Violations Iin(string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) Add(field, "is required");
        else if (!Identity.Iin.TryParse(value, out _)) Add(field, "is not a valid IIN (12 digits with a correct check digit)");
        return this;
    }

    /// <summary>The field must be a valid BIN.</summary>
    public Violations Bin(string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) Add(field, "is required");
        else if (!Identity.Bin.TryParse(value, out _)) Add(field, "is not a valid BIN (12 digits with a correct check digit)");
        return this;
    }

    /// <summary>The field must be a UUID when present (AIP-155 request ids).</summary>
    public Violations Uuid(string field, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !Guid.TryParse(value, out _)) Add(field, "must be a UUID");
        return this;
    }

    /// <summary>Throws <see cref="InvalidArgumentException"/> when anything was found wrong; the reason is the first field's, when given.</summary>
    public void ThrowIfAny(string reason = "INVALID_ARGUMENT")
    {
        if (Any) throw new InvalidArgumentException(_items.ToArray(), reason);
    }
}
