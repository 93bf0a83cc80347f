using EDoc.Domain.Certificates;
using EDoc.Domain.Workflow;
using EDoc.Storage.EventLog;

namespace EDoc.Storage.Tables;

/// <summary>All SQL of the certificate_types, service_requests, certificates and ratings tables.</summary>
internal static class CertificatesTable
{
    public const string SelectCertificate = "SELECT state FROM certificates";

    public static Certificate MapCertificate(System.Data.Common.DbDataReader r) => StateJson.Deserialize<Certificate>(r.GetString(0));

    public static Task<CertificateType?> GetTypeAsync(DbSession session, string code, CancellationToken ct) =>
        session.QuerySingleAsync("SELECT state FROM certificate_types WHERE code = @code",
            r => StateJson.Deserialize<CertificateType>(r.GetString(0)), ct, ("code", code));

    public static Task<List<CertificateType>> ListTypesAsync(DbSession session, CancellationToken ct) =>
        session.QueryAsync("SELECT state FROM certificate_types ORDER BY code", r => StateJson.Deserialize<CertificateType>(r.GetString(0)), ct);

    public static Task UpsertTypeAsync(DbSession session, CertificateType type, CancellationToken ct) => session.ExecuteAsync(
        """
        INSERT INTO certificate_types (code, issuing_agency_id, version, state) VALUES (@code, @agency, @version, @state)
        ON CONFLICT (code) DO UPDATE SET issuing_agency_id = excluded.issuing_agency_id, version = excluded.version, state = excluded.state
        """, ct,
        ("code", type.Code), ("agency", type.IssuingAgencyId), ("version", type.Version), ("state", StateJson.Serialize(type)));

    public static Task<ServiceRequest?> GetRequestAsync(DbSession session, string id, CancellationToken ct) =>
        session.QuerySingleAsync("SELECT state FROM service_requests WHERE id = @id",
            r => StateJson.Deserialize<ServiceRequest>(r.GetString(0)), ct, ("id", id));

    /// <summary>
    /// Pending manual requests whose route has ended (approved, rejected or withdrawn), by id after <paramref name="afterId"/>:
    /// undecided ones, however many, are never read.
    /// </summary>
    public static Task<List<ServiceRequest>> DecidedPendingAsync(DbSession session, string afterId, int limit, CancellationToken ct) =>
        session.QueryAsync(
            """
            SELECT sr.state FROM service_requests sr JOIN routes r ON r.document_id = sr.document_id
            WHERE sr.status = @pending AND sr.id > @after AND r.status NOT IN (@active, @rework)
            ORDER BY sr.id LIMIT @limit
            """,
            r => StateJson.Deserialize<ServiceRequest>(r.GetString(0)), ct, ("pending", nameof(ServiceRequestState.Pending)),
            ("active", nameof(RouteStatus.Active)), ("rework", nameof(RouteStatus.ReturnedForRework)), ("after", afterId), ("limit", limit));

    /// <summary>The key a transaction remembers a service request's row under (<see cref="DbSession.Remember"/>).</summary>
    public static string RequestSessionKey(string id) => "service_requests/" + id;

    public static Task UpsertRequestAsync(DbSession session, ServiceRequest request, CancellationToken ct) => session.WriteRowAsync(
        RequestSessionKey(request.Id), request, RequestUpsert,
        [request.Id, request.AgencyId, request.Iin, request.State.ToString(), request.DocumentId, request.Version, StateJson.Serialize(request)],
        ct);

    private static readonly RowUpsert RequestUpsert = new(
        "INSERT INTO service_requests (id, agency_id, iin, status, document_id, version, state) VALUES",
        "ON CONFLICT (id) DO UPDATE SET status = excluded.status, version = excluded.version, state = excluded.state");

    public static Task<Certificate?> GetAsync(DbSession session, string number, CancellationToken ct) =>
        session.QuerySingleAsync(SelectCertificate + " WHERE number = @number", MapCertificate, ct, ("number", number));

    /// <summary>The key a transaction remembers a certificate's row under (<see cref="DbSession.Remember"/>).</summary>
    public static string SessionKey(string number) => "certificates/" + number;

    public static Task UpsertAsync(DbSession session, Certificate c, string issuedDay, CancellationToken ct) => session.WriteRowAsync(
        SessionKey(c.Number), c, CertificateUpsert,
        [c.Number, c.AgencyId, c.Iin, c.TypeCode, c.Channel.ToString(), Micros.From(c.IssuedAt), issuedDay, c.RequestedBy, c.Version, StateJson.Serialize(c)],
        ct);

    private static readonly RowUpsert CertificateUpsert = new(
        "INSERT INTO certificates (number, agency_id, iin, type_code, channel, issued_at, issued_day, requested_by, version, state) VALUES",
        "ON CONFLICT (number) DO UPDATE SET version = excluded.version, state = excluded.state");

    public static Task InsertRatingAsync(DbSession session, ServiceRated rated, DateTimeOffset at, CancellationToken ct) => session.ExecuteAsync(
        """
        INSERT INTO ratings (request_id, agency_id, org_unit_id, employee_id, score, created_at)
        VALUES (@request, @agency, @unit, @employee, @score, @at)
        """, ct,
        ("request", rated.RequestId), ("agency", rated.AgencyId), ("unit", rated.OrgUnitId), ("employee", rated.EmployeeId),
        ("score", rated.Score), ("at", Micros.From(at)));
}
