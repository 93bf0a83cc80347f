using System.Globalization;
using EDoc.Domain.Certificates;
using EDoc.Storage.EventLog;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Queries;

/// <summary>Stream ids of registries and certificates.</summary>
public static class CertificateStreams
{
    /// <summary>The stream of a registry's declaration.</summary>
    public static string Registry(string code) => "registry-" + code;

    /// <summary>The stream of one citizen's record in a registry.</summary>
    public static string Record(string registryCode, string iin) => $"registryrecord-{registryCode}-{iin}";

    /// <summary>The stream of a certificate type.</summary>
    public static string Type(string code) => "certtype-" + code;

    /// <summary>The stream of a citizen's request.</summary>
    public static string Request(string id) => "servicerequest-" + id;

    /// <summary>The stream of an issued certificate.</summary>
    public static string Certificate(string number) => "certificate-" + number;
}

/// <summary>Which certificates to list: of one holder, in a caller's reach (null for all), maybe of one type.</summary>
public sealed record CertificateFilter(string? Iin, CertificateReach? Reach, string? TypeCode);

/// <summary>Certificates issued on one Almaty day by one agency through one channel.</summary>
public sealed record ChannelCount(string Day, string AgencyId, IssueChannel Channel, long Count);

/// <summary>Ratings of one agency, unit or employee: how many of each score, index 0 = score 1.</summary>
public sealed record RatingCounts(string Id, long[] ScoreCounts);

/// <summary>Ratings grouped per agency, org unit and employee.</summary>
public sealed record RatingGroups(IReadOnlyList<RatingCounts> Agencies, IReadOnlyList<RatingCounts> OrgUnits, IReadOnlyList<RatingCounts> Employees);

/// <summary>Reads of certificate types, requests, certificates and the channel and ratings reports.</summary>
public sealed class CertificateQueries(QueryRunner db)
{
    /// <summary>A certificate type, or null.</summary>
    public Task<CertificateType?> GetTypeAsync(string code, CancellationToken ct) =>
        db.SessionAsync(session => CertificatesTable.GetTypeAsync(session, code, ct), ct);

    /// <summary>Every certificate type by code.</summary>
    public Task<List<CertificateType>> ListTypesAsync(CancellationToken ct) =>
        db.SessionAsync(session => CertificatesTable.ListTypesAsync(session, ct), ct);

    /// <summary>A citizen's request, or null.</summary>
    public Task<ServiceRequest?> GetRequestAsync(string id, CancellationToken ct) =>
        db.SessionAsync(session => CertificatesTable.GetRequestAsync(session, id, ct), ct);

    /// <summary>Pending manual requests whose route has ended, by id, the page after <paramref name="afterId"/> ("" for the first).</summary>
    public Task<List<ServiceRequest>> DecidedManualAsync(string afterId, int limit, CancellationToken ct) =>
        db.SessionAsync(session => CertificatesTable.DecidedPendingAsync(session, afterId, limit, ct), ct);

    /// <summary>A certificate, or null.</summary>
    public Task<Certificate?> GetAsync(string number, CancellationToken ct) =>
        db.SessionAsync(session => CertificatesTable.GetAsync(session, number, ct), ct);

    /// <summary>Certificates matching the filter, newest first, keyset-paged on (issued_at, number) after a key made here.</summary>
    public async Task<Page<Certificate>> ListAsync(CertificateFilter filter, string? after, int size, CancellationToken ct)
    {
        var (afterTime, afterNumber) = NewestFirstKey.Parse(after);
        var conditions = new List<string> { "(issued_at < @at OR (issued_at = @at AND number < @number))" };
        var parameters = new List<(string, object?)> { ("at", afterTime), ("number", afterNumber), ("limit", size + 1) };
        if (filter.Iin is { } iin)
        {
            conditions.Add("iin = @iin");
            parameters.Add(("iin", iin));
        }
        if (filter.TypeCode is { } type)
        {
            conditions.Add("type_code = @type");
            parameters.Add(("type", type));
        }
        if (filter.Reach is { } reach)
        {
            // An empty value matches no row, so a reach without an agency (a channel's) keeps only what it asked for.
            conditions.Add("(agency_id = @agency OR requested_by = @requester)");
            parameters.AddRange([("agency", reach.AgencyId ?? ""), ("requester", reach.RequesterId ?? "")]);
        }
        var rows = await db.ListAsync(
            $"{CertificatesTable.SelectCertificate} WHERE {string.Join(" AND ", conditions)} ORDER BY issued_at DESC, number DESC LIMIT @limit",
            CertificatesTable.MapCertificate, ct, parameters.ToArray());
        return Page<Certificate>.From(rows, size, c => NewestFirstKey.Of(c.IssuedAt, c.Number));
    }

    /// <summary>Certificates per Almaty day (YYYY-MM-DD, inclusive), agency and channel; null agency means every agency.</summary>
    public Task<List<ChannelCount>> ChannelCountsAsync(string? agencyId, string fromDay, string toDay, CancellationToken ct) =>
        db.ListAsync(
            """
            SELECT issued_day, agency_id, channel, count(*) FROM certificates
            WHERE issued_day >= @from AND issued_day <= @to AND (@agency = '' OR agency_id = @agency)
            GROUP BY issued_day, agency_id, channel ORDER BY issued_day, agency_id, channel
            """,
            r => new ChannelCount(r.GetString(0), r.GetString(1), Enum.Parse<IssueChannel>(r.GetString(2)), r.GetInt64(3)), ct,
            ("from", fromDay), ("to", toDay), ("agency", agencyId ?? ""));

    /// <summary>Ratings per agency, org unit and employee; null agency means every agency.</summary>
    public Task<RatingGroups> RatingsAsync(string? agencyId, CancellationToken ct) => db.SessionAsync(async session =>
    {
        async Task<List<RatingCounts>> GroupAsync(string column)
        {
            var rows = await session.QueryAsync(
                $"""
                SELECT {column}, score, count(*) FROM ratings
                WHERE {column} IS NOT NULL AND (@agency = '' OR agency_id = @agency)
                GROUP BY {column}, score ORDER BY {column}
                """, r => (Id: r.GetString(0), Score: r.GetInt32(1), Count: r.GetInt64(2)), ct, ("agency", agencyId ?? ""));
            return rows.GroupBy(r => r.Id).Select(g =>
            {
                var counts = new long[5];
                foreach (var row in g) counts[row.Score - 1] = row.Count;
                return new RatingCounts(g.Key, counts);
            }).ToList();
        }
        return new RatingGroups(await GroupAsync("agency_id"), await GroupAsync("org_unit_id"), await GroupAsync("employee_id"));
    }, ct);
}
