using EDoc.Domain.Signatures;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Queries;

/// <summary>Reads of agency CAs and employees' signing keys.</summary>
public sealed class KeyQueries(QueryRunner db)
{
    /// <summary>The agency CA's certificate (DER, base64), or null before the agency's first enrollment.</summary>
    public Task<string?> GetAgencyCaAsync(string agencyId, CancellationToken ct) =>
        db.SessionAsync(session => SigningKeysTable.GetCaAsync(session, agencyId, ct), ct);

    /// <summary>A signing key by its certificate serial, or null.</summary>
    public Task<SigningKey?> GetAsync(string serial, CancellationToken ct) =>
        db.SessionAsync(session => SigningKeysTable.GetAsync(session, serial, ct), ct);

    /// <summary>An employee's keys, newest first.</summary>
    public Task<List<SigningKey>> ListOfEmployeeAsync(string employeeId, CancellationToken ct) =>
        db.SessionAsync(session => SigningKeysTable.ListOfEmployeeAsync(session, employeeId, ct), ct);

    /// <summary>Serials of the agency's revoked certificates.</summary>
    public Task<List<string>> RevokedSerialsAsync(string agencyId, CancellationToken ct) =>
        db.SessionAsync(session => SigningKeysTable.RevokedSerialsAsync(session, agencyId, ct), ct);
}
