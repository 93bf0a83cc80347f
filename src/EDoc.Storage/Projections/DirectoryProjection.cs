using EDoc.Domain.Directory;
using EDoc.Domain.Events;
using EDoc.Storage.EventLog;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Projections;

/// <summary>The agencies, org_units and employees tables; the domain types decide what each event changes.</summary>
internal sealed class DirectoryProjection : IProjection
{
    public async Task ApplyAsync(DbSession session, RecordedEvent recorded, DomainEvent e, CancellationToken ct)
    {
        switch (e)
        {
            case AgencyCreated c:
                await AgenciesTable.InsertAsync(session, Agency.From(c, recorded.RecordedAt, recorded.StreamVersion), ct);
                break;
            case OrgUnitCreated c:
                await OrgUnitsTable.InsertAsync(session, OrgUnit.From(c, recorded.RecordedAt), ct);
                break;
            case EmployeeCreated c:
                await EmployeesTable.UpsertAsync(session, Employee.From(c, recorded.RecordedAt, recorded.StreamVersion), ct);
                break;
            case EmployeeUpdated or SubstituteSet:
                var employeeId = e is EmployeeUpdated u ? u.EmployeeId : ((SubstituteSet)e).EmployeeId;
                var current = await EmployeesTable.GetAsync(session, employeeId, ct)
                              ?? throw new InvalidOperationException($"Employee '{employeeId}' has no row.");
                await EmployeesTable.UpsertAsync(session, current.Apply(e, recorded.StreamVersion), ct);
                break;
        }
    }
}
