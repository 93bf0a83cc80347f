namespace EDoc.Domain.Workflow;

/// <summary>A reusable list of stages an agency starts routes from.</summary>
/// <param name="Id">The template.</param>
/// <param name="AgencyId">The agency that owns it.</param>
/// <param name="Name">Shown when picking a template.</param>
/// <param name="Stages">The stages, in order.</param>
public sealed record RouteTemplate(string Id, string AgencyId, string Name, IReadOnlyList<StageDefinition> Stages)
{
    /// <summary>The template a <see cref="RouteTemplateCreated"/> event brings into being.</summary>
    public static RouteTemplate From(RouteTemplateCreated e) => new(e.TemplateId, e.AgencyId, e.Name, e.Stages);
}
