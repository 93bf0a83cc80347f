using EDoc.Domain.Signatures;
using EDoc.Storage.EventLog;

namespace EDoc.Storage.Tables;

/// <summary>All SQL of the signing_keys and agency_cas tables.</summary>
internal static class SigningKeysTable
{
    private const string Select = "SELECT state FROM signing_keys";

    private static SigningKey Map(System.Data.Common.DbDataReader r) => StateJson.Deserialize<SigningKey>(r.GetString(0));

    public static Task<SigningKey?> GetAsync(DbSession session, string serial, CancellationToken ct) =>
        session.QuerySingleAsync(Select + " WHERE serial = @serial", Map, ct, ("serial", serial));

    public static Task<List<SigningKey>> ListOfEmployeeAsync(DbSession session, string employeeId, CancellationToken ct) =>
        session.QueryAsync(Select + " WHERE employee_id = @employee ORDER BY enrolled_at DESC, serial DESC", Map, ct, ("employee", employeeId));

    public static Task<List<string>> RevokedSerialsAsync(DbSession session, string agencyId, CancellationToken ct) =>
        session.QueryAsync("SELECT serial FROM signing_keys WHERE agency_id = @agency AND revoked = @revoked", r => r.GetString(0), ct,
            ("agency", agencyId), ("revoked", true));

    /// <summary>Writes the whole row: the domain decides what an event changes, this only stores the result.</summary>
    public static Task UpsertAsync(DbSession session, SigningKey k, CancellationToken ct) => session.ExecuteAsync(
        """
        INSERT INTO signing_keys (serial, agency_id, employee_id, enrolled_at, revoked, version, state)
        VALUES (@serial, @agency, @employee, @enrolled, @revoked, @version, @state)
        ON CONFLICT (serial) DO UPDATE SET revoked = excluded.revoked, version = excluded.version, state = excluded.state
        """, ct,
        ("serial", k.Serial), ("agency", k.AgencyId), ("employee", k.EmployeeId), ("enrolled", Micros.From(k.EnrolledAt)),
        ("revoked", k.Revoked), ("version", k.Version), ("state", StateJson.Serialize(k)));

    public static Task<string?> GetCaAsync(DbSession session, string agencyId, CancellationToken ct) =>
        session.QuerySingleAsync("SELECT certificate FROM agency_cas WHERE agency_id = @agency", r => r.GetString(0), ct,
            ("agency", agencyId));

    public static Task InsertCaAsync(DbSession session, AgencyCaCreated ca, DateTimeOffset at, CancellationToken ct) => session.ExecuteAsync(
        "INSERT INTO agency_cas (agency_id, certificate, created_at) VALUES (@agency, @certificate, @at)", ct,
        ("agency", ca.AgencyId), ("certificate", ca.CertificateBase64), ("at", Micros.From(at)));
}
