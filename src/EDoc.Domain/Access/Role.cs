namespace EDoc.Domain.Access;

/// <summary>Roles of DESIGN.md; each grants permissions within the holder's agency unless it says otherwise.</summary>
public enum Role
{
    /// <summary>The whole system, every agency.</summary>
    Admin = 1,
    /// <summary>Directory, keys and settings of one agency.</summary>
    AgencyAdmin = 2,
    /// <summary>Registers documents in the agency's journals.</summary>
    Registrar = 3,
    /// <summary>Issues resolutions and signs.</summary>
    Head = 4,
    /// <summary>Executes tasks.</summary>
    Executor = 5,
    /// <summary>Reads everything of its scope, changes nothing.</summary>
    Auditor = 6,
    /// <summary>Runs training.</summary>
    Trainer = 7,
    /// <summary>Takes training.</summary>
    Trainee = 8,
    /// <summary>A citizen-facing system.</summary>
    Channel = 9,
}
