namespace EDoc.Domain.Identity;

/// <summary>Role of the registered unit, the 6th digit of a BIN; each value equals its digit.</summary>
public enum BinAttribute
{
    /// <summary>Head office of a legal entity (digit 0).</summary>
    HeadOffice = 0,

    /// <summary>Branch (digit 1).</summary>
    Branch = 1,

    /// <summary>Representative office (digit 2).</summary>
    RepresentativeOffice = 2,

    /// <summary>Peasant (farm) enterprise (digit 3).</summary>
    PeasantFarm = 3,
}
