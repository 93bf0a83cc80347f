namespace EDoc.Domain.Events;

/// <summary>
/// Something that happened, named in the past tense. Events are immutable and appended to the one
/// totally ordered log; the type name is part of the stored record, so renaming a subclass breaks old logs.
/// </summary>
public abstract record DomainEvent;
