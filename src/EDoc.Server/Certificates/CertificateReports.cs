using System.Globalization;
using EDoc.Domain.Access;
using EDoc.Domain.Calendar;
using EDoc.Domain.Certificates;
using EDoc.Domain.Errors;
using EDoc.Server.Workflow;
using EDoc.Storage;
using EDoc.Storage.Queries;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Certificates;

/// <summary>The channel-shift report (service-centre visits saved) and the ratings report.</summary>
internal sealed class CertificateReports(IEDocStore store, TimeProvider clock)
{
    /// <summary>Days the channel report covers when no start is given.</summary>
    private const int DefaultDays = 30;

    public async Task<Proto.ChannelReport> GetChannelReportAsync(Caller caller, Proto.GetChannelReportRequest request, CancellationToken ct)
    {
        var v = new Violations();
        var today = WorkingCalendar.Kazakhstan.ToAlmatyDate(clock.GetUtcNow());
        var to = WorkflowMapping.ToDate(v, "to_date", request.ToDate, required: false) ?? today;
        var from = WorkflowMapping.ToDate(v, "from_date", request.FromDate, required: false) ?? to.AddDays(-DefaultDays);
        if (from > to) v.Add("to_date", "must not be before from_date", "INVALID_RANGE");
        v.ThrowIfAny();
        var scope = CertificateRules.ReportScope(caller, Mapping.OrNull(request.AgencyId));
        var counts = await store.Certificates.ChannelCountsAsync(scope, Day(from), Day(to), ct);

        var report = new Proto.ChannelReport { Total = new Proto.ChannelReportRow() };
        foreach (var day in counts.GroupBy(c => (c.Day, c.AgencyId)))
        {
            var row = new Proto.ChannelReportRow { Date = day.Key.Day, AgencyId = day.Key.AgencyId };
            foreach (var count in day) Add(row, count.Channel, count.Count);
            report.Rows.Add(row);
            foreach (var count in day) Add(report.Total, count.Channel, count.Count);
        }
        return report;
    }

    public async Task<Proto.RatingsReport> GetRatingsReportAsync(Caller caller, Proto.GetRatingsReportRequest request, CancellationToken ct)
    {
        var scope = CertificateRules.ReportScope(caller, Mapping.OrNull(request.AgencyId));
        var groups = await store.Certificates.RatingsAsync(scope, ct);
        var report = new Proto.RatingsReport();
        foreach (var g in groups.Agencies)
            report.Agencies.Add(Row(g, (await store.Directory.GetAgencyAsync(g.Id, ct))?.Name.Kk));
        foreach (var g in groups.OrgUnits)
            report.OrgUnits.Add(Row(g, (await store.Directory.GetOrgUnitAsync(g.Id, ct))?.Name.Kk));
        foreach (var g in groups.Employees)
            report.Employees.Add(Row(g, (await store.Directory.GetEmployeeAsync(g.Id, ct))?.FullName));
        return report;
    }

    /// <summary>Counts a channel's certificates into a row; online and proactive ones each saved a visit to a service centre.</summary>
    private static void Add(Proto.ChannelReportRow row, IssueChannel channel, long count)
    {
        switch (channel)
        {
            case IssueChannel.Online: row.Online += count; break;
            case IssueChannel.ServiceCentre: row.ServiceCentre += count; break;
            case IssueChannel.Proactive: row.Proactive += count; break;
        }
        row.Total += count;
        if (channel != IssueChannel.ServiceCentre) row.VisitsSaved += count;
    }

    private static Proto.RatingsReportRow Row(RatingCounts g, string? name)
    {
        var count = g.ScoreCounts.Sum();
        var average = count == 0 ? 0 : g.ScoreCounts.Select((n, i) => n * (i + 1.0)).Sum() / count;
        return new Proto.RatingsReportRow { Id = g.Id, Name = name ?? g.Id, Count = count, Average = Math.Round(average, 2), ScoreCounts = { g.ScoreCounts } };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
