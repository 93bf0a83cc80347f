using System.Globalization;
using EDoc.Domain.Calendar;
using EDoc.Domain.Certificates;
using EDoc.Domain.Events;
using EDoc.Domain.Registries;
using EDoc.Storage.EventLog;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Projections;

/// <summary>
/// The registries, registry_records, certificate_types, service_requests, certificates and ratings tables; the domain
/// records decide what each event changes.
/// </summary>
internal sealed class CertificateProjection : IProjection
{
    public async Task ApplyAsync(DbSession session, RecordedEvent recorded, DomainEvent e, CancellationToken ct)
    {
        switch (e)
        {
            case RegistryCreated created:
                await RegistriesTable.InsertAsync(session, Registry.From(created), ct);
                break;
            case RegistryRecordUpserted upserted:
                await RegistriesTable.UpsertRecordAsync(session, RegistryRecord.From(upserted, recorded.RecordedAt, recorded.StreamVersion), ct);
                break;
            case CertificateTypeCreated created:
                await CertificatesTable.UpsertTypeAsync(session, CertificateType.From(created), ct);
                break;
            case CertificateTypeUpdated updated:
                var type = await CertificatesTable.GetTypeAsync(session, updated.Code, ct)
                           ?? throw new InvalidOperationException($"Certificate type '{updated.Code}' has no row.");
                await CertificatesTable.UpsertTypeAsync(session, type.Apply(e, recorded.StreamVersion), ct);
                break;
            case CertificateRequested requested:
                // The log names who asked (the channel key); the request keeps it, since a channel reads only its own requests.
                await CertificatesTable.UpsertRequestAsync(session,
                    ServiceRequest.From(requested, recorded.RecordedAt, recorded.StreamVersion) with { RequestedBy = recorded.ActorId }, ct);
                break;
            case ServiceRequestServed or ServiceRequestRefused or ServiceRated:
                var requestId = RequestIdOf(e);
                var request = await FindRequestAsync(session, requestId, ct)
                              ?? throw new InvalidOperationException($"Service request '{requestId}' has no row.");
                await CertificatesTable.UpsertRequestAsync(session, request.Apply(e, recorded.RecordedAt, recorded.StreamVersion), ct);
                if (e is ServiceRated rated) await CertificatesTable.InsertRatingAsync(session, rated, recorded.RecordedAt, ct);
                break;
            case CertificateIssued issued:
                var requestedBy = (await FindRequestAsync(session, issued.RequestId, ct))?.RequestedBy;
                await CertificatesTable.UpsertAsync(session, Certificate.From(issued, recorded.StreamVersion) with { RequestedBy = requestedBy },
                    IssuedDay(issued.IssuedAt), ct);
                break;
            case CertificateRevoked revoked:
                var certificate = session.Recall<Certificate>(CertificatesTable.SessionKey(revoked.Number))
                                  ?? await CertificatesTable.GetAsync(session, revoked.Number, ct)
                                  ?? throw new InvalidOperationException($"Certificate '{revoked.Number}' has no row.");
                await CertificatesTable.UpsertAsync(session, certificate.Apply(e, recorded.RecordedAt, recorded.StreamVersion),
                    IssuedDay(certificate.IssuedAt), ct);
                break;
        }
    }

    private static async Task<ServiceRequest?> FindRequestAsync(DbSession session, string requestId, CancellationToken ct) =>
        session.Recall<ServiceRequest>(CertificatesTable.RequestSessionKey(requestId))
        ?? await CertificatesTable.GetRequestAsync(session, requestId, ct);

    private static string RequestIdOf(DomainEvent e) => e switch
    {
        ServiceRequestServed s => s.RequestId,
        ServiceRequestRefused r => r.RequestId,
        ServiceRated rated => rated.RequestId,
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    // The channel report counts a certificate under the Almaty day it was issued on.
    private static string IssuedDay(DateTimeOffset issuedAt) =>
        WorkingCalendar.Kazakhstan.ToAlmatyDate(issuedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
