using EDoc.Domain.Directory;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Queries;

/// <summary>Reads of the agencies, org_units and employees read models.</summary>
public sealed class DirectoryQueries(QueryRunner db)
{
    /// <summary>An agency, or null.</summary>
    public Task<Agency?> GetAgencyAsync(string id, CancellationToken ct) =>
        db.SingleAsync(AgenciesTable.Select + " WHERE id = @id", AgenciesTable.Map, ct, ("id", id));

    /// <summary>Whether any agency exists: an empty store gets the demo data.</summary>
    public async Task<bool> AnyAgencyAsync(CancellationToken ct) =>
        (await db.ListAsync(AgenciesTable.Select + " LIMIT 1", AgenciesTable.Map, ct)).Count > 0;

    /// <summary>Agencies ordered by id, after a key.</summary>
    public Task<Page<Agency>> ListAgenciesAsync(string? after, int size, CancellationToken ct) =>
        db.PageAsync(AgenciesTable.Select + " WHERE id > @after ORDER BY id LIMIT @limit", AgenciesTable.Map, a => a.Id, after, size, ct);

    /// <summary>An org unit, or null.</summary>
    public Task<OrgUnit?> GetOrgUnitAsync(string id, CancellationToken ct) =>
        db.SingleAsync(OrgUnitsTable.Select + " WHERE id = @id", OrgUnitsTable.Map, ct, ("id", id));

    /// <summary>An agency's org units ordered by id, after a key.</summary>
    public Task<Page<OrgUnit>> ListOrgUnitsAsync(string agencyId, string? after, int size, CancellationToken ct) =>
        db.PageAsync(OrgUnitsTable.Select + " WHERE agency_id = @agency AND id > @after ORDER BY id LIMIT @limit",
            OrgUnitsTable.Map, u => u.Id, after, size, ct, ("agency", agencyId));

    /// <summary>An employee, or null.</summary>
    public Task<Employee?> GetEmployeeAsync(string id, CancellationToken ct) =>
        db.SessionAsync(session => EmployeesTable.GetAsync(session, id, ct), ct);

    /// <summary>The employee with a username, or null.</summary>
    public Task<Employee?> FindEmployeeByUsernameAsync(string username, CancellationToken ct) =>
        db.SingleAsync(EmployeesTable.Select + " WHERE username = @username", EmployeesTable.Map, ct, ("username", username));

    /// <summary>An agency's employees (of one unit, if given) ordered by id, after a key.</summary>
    public Task<Page<Employee>> ListEmployeesAsync(string agencyId, string? orgUnitId, string? after, int size, CancellationToken ct) =>
        db.PageAsync(
            EmployeesTable.Select +
            $" WHERE agency_id = @agency {(orgUnitId is null ? "" : "AND org_unit_id = @unit")} AND id > @after ORDER BY id LIMIT @limit",
            EmployeesTable.Map, e => e.Id, after, size, ct,
            orgUnitId is null ? [("agency", agencyId)] : [("agency", agencyId), ("unit", orgUnitId)]);
}
