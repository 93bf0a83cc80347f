using System.Data.Common;
using EDoc.Domain.Directory;
using EDoc.Storage.Projections;

namespace EDoc.Storage.Queries;

/// <summary>Reads of the agencies, org_units and employees read models.</summary>
public sealed class DirectoryQueries(QueryRunner db)
{
    private const string AgencyColumns = "id, name_kk, name_ru, name_en, bin, created_at, version";
    private const string OrgUnitColumns = "id, agency_id, name_kk, name_ru, name_en, parent_unit_id, created_at";
    private const string EmployeeColumns =
        "id, agency_id, org_unit_id, iin, full_name, position, username, roles, supervisor_id, active, substitute_id, " +
        "substitute_until, created_at, version";

    /// <summary>An agency, or null.</summary>
    public Task<Agency?> GetAgencyAsync(string id, CancellationToken ct) =>
        db.SingleAsync($"SELECT {AgencyColumns} FROM agencies WHERE id = @id", MapAgency, ct, ("id", id));

    /// <summary>Agencies ordered by id, after a key.</summary>
    public Task<Page<Agency>> ListAgenciesAsync(string? after, int size, CancellationToken ct) =>
        db.PageAsync($"SELECT {AgencyColumns} FROM agencies WHERE id > @after ORDER BY id LIMIT @limit", MapAgency, a => a.Id,
            after, size, ct);

    /// <summary>An org unit, or null.</summary>
    public Task<OrgUnit?> GetOrgUnitAsync(string id, CancellationToken ct) =>
        db.SingleAsync($"SELECT {OrgUnitColumns} FROM org_units WHERE id = @id", MapOrgUnit, ct, ("id", id));

    /// <summary>An agency's org units ordered by id, after a key.</summary>
    public Task<Page<OrgUnit>> ListOrgUnitsAsync(string agencyId, string? after, int size, CancellationToken ct) =>
        db.PageAsync($"SELECT {OrgUnitColumns} FROM org_units WHERE agency_id = @agency AND id > @after ORDER BY id LIMIT @limit",
            MapOrgUnit, u => u.Id, after, size, ct, ("agency", agencyId));

    /// <summary>An employee, or null.</summary>
    public Task<Employee?> GetEmployeeAsync(string id, CancellationToken ct) =>
        db.SingleAsync($"SELECT {EmployeeColumns} FROM employees WHERE id = @id", MapEmployee, ct, ("id", id));

    /// <summary>The employee with a username, or null.</summary>
    public Task<Employee?> FindEmployeeByUsernameAsync(string username, CancellationToken ct) =>
        db.SingleAsync($"SELECT {EmployeeColumns} FROM employees WHERE username = @username", MapEmployee, ct, ("username", username));

    /// <summary>An agency's employees (of one unit, if given) ordered by id, after a key.</summary>
    public Task<Page<Employee>> ListEmployeesAsync(string agencyId, string? orgUnitId, string? after, int size, CancellationToken ct) =>
        db.PageAsync(
            $"""
             SELECT {EmployeeColumns} FROM employees
             WHERE agency_id = @agency {(orgUnitId is null ? "" : "AND org_unit_id = @unit")} AND id > @after
             ORDER BY id LIMIT @limit
             """, MapEmployee, e => e.Id, after, size, ct,
            orgUnitId is null ? [("agency", agencyId)] : [("agency", agencyId), ("unit", orgUnitId)]);

    private static Agency MapAgency(DbDataReader r) =>
        new(r.GetString(0), new LocalizedName(r.GetString(1), r.GetString(2), r.GetString(3)), r.GetString(4), r.Time(5), r.GetInt64(6));

    private static OrgUnit MapOrgUnit(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), new LocalizedName(r.GetString(2), r.GetString(3), r.GetString(4)),
            r.NullableString(5), r.Time(6));

    private static Employee MapEmployee(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.NullableString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
            RoleList.Parse(r.GetString(7)), r.NullableString(8), r.GetBoolean(9), r.NullableString(10), r.NullableTime(11),
            r.Time(12), r.GetInt64(13));
}
