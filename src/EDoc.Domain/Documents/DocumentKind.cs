namespace EDoc.Domain.Documents;

/// <summary>What a document is, which decides its journal and, for appeals, its legal deadlines.</summary>
public enum DocumentKind
{
    /// <summary>Received from outside the agency.</summary>
    Incoming = 1,
    /// <summary>Sent outside the agency; only these can be sent to another agency.</summary>
    Outgoing = 2,
    /// <summary>Stays inside the agency.</summary>
    Internal = 3,
    /// <summary>A citizen's appeal (Administrative Procedural Code arts. 63, 76, 91): always accepted, due in 15 working days.</summary>
    CitizenAppeal = 4,
    /// <summary>An order of the agency's head.</summary>
    Order = 5,
}
