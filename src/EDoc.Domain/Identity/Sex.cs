namespace EDoc.Domain.Identity;

/// <summary>Sex as encoded in the 7th digit of an IIN (odd male, even female).</summary>
public enum Sex
{
    /// <summary>Male: century digit 1, 3 or 5.</summary>
    Male,

    /// <summary>Female: century digit 2, 4 or 6.</summary>
    Female,
}
