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

    /// <summary>Records a wrong field, with the UPPER_SNAKE reason clients can switch on.</summary>
    public Violations Add(string field, string description, string reason = "INVALID_ARGUMENT")
    {
        _items.Add(new FieldViolation(field, description, reason));
        return this;
    }

    /// <summary>The field must be present and not longer than <paramref name="maxLength"/>.</summary>
    public Violations Text(string field, string? value, bool required = true, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "is required", "MISSING_FIELD");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters", "FIELD_TOO_LONG");
        }
        return this;
    }

    /// <summary>The field must be a resource id: 3–63 lowercase letters, digits or hyphens, starting with a letter (AIP-122).</summary>
    public Violations Id(string field, string? value, bool required = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required) Add(field, "is required", "MISSING_FIELD");
        }
        else if (!ResourceId.IsValid(value))
        {
            Add(field, "must be 3-63 lowercase letters, digits or hyphens, starting with a letter", "INVALID_ID");
        }
        return this;
    }

    /// <summary>The field must be a valid IIN.</summary>
    public Violations Iin(string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) Add(field, "is required", "MISSING_FIELD");
        else if (!Identity.Iin.TryParse(value, out _)) Add(field, "is not a valid IIN (12 digits with a correct check digit)", "INVALID_IIN");
        return this;
    }

    /// <summary>The field must be a valid BIN.</summary>
    public Violations Bin(string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) Add(field, "is required", "MISSING_FIELD");
        else if (!Identity.Bin.TryParse(value, out _)) Add(field, "is not a valid BIN (12 digits with a correct check digit)", "INVALID_BIN");
        return this;
    }

    /// <summary>The field must be a UUID when present (AIP-155 request ids).</summary>
    public Violations Uuid(string field, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !Guid.TryParse(value, out _)) Add(field, "must be a UUID", "INVALID_REQUEST_ID");
        return this;
    }

    /// <summary>Throws <see cref="InvalidArgumentException"/> when anything was found wrong; its reason is the first field's.</summary>
    public void ThrowIfAny()
    {
        if (Any) throw new InvalidArgumentException(_items.ToArray());
    }
}
