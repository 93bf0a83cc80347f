namespace EDoc.Domain.Identity;

/// <summary>Kind of registered entity, the 5th digit of a BIN; each value equals its digit.</summary>
public enum BinEntityType
{
    /// <summary>Resident legal entity (digit 4).</summary>
    ResidentLegalEntity = 4,

    /// <summary>Non-resident legal entity (digit 5).</summary>
    NonResidentLegalEntity = 5,

    /// <summary>Individual entrepreneur working as a joint business (digit 6); a sole entrepreneur uses the IIN instead.</summary>
    JointIndividualEntrepreneur = 6,
}
