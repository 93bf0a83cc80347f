namespace EDoc.Domain.Documents;

/// <summary>Where a document is in its life.</summary>
public enum DocumentStatus
{
    /// <summary>Being prepared; not yet registered.</summary>
    Draft = 1,
    /// <summary>Registered in a journal and numbered.</summary>
    Registered = 2,
    /// <summary>On an approval, signing or execution route (set by the workflow's events).</summary>
    InRoute = 3,
    /// <summary>Sent or forwarded to another agency.</summary>
    Sent = 4,
    /// <summary>Delivered from another agency; waits for this agency's registrar.</summary>
    AwaitingRegistration = 5,
    /// <summary>Done with; no further change.</summary>
    Closed = 6,
}
