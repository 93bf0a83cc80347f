using EDoc.Domain.Certificates;
using EDoc.Domain.Errors;
using EDoc.Domain.Registries;
using EDoc.Storage;

namespace EDoc.Server.Certificates;

/// <summary>
/// Issues a request's certificate as its agency: the agency's name, a fresh number and the agency's signature, for an
/// instant request when it is made and for a manual one once it is approved.
/// </summary>
internal sealed class CertificateIssuer(IEDocStore store, CertificateKeys keys)
{
    /// <param name="employeeId">Who approved a manual request; null for instant issue.</param>
    /// <param name="orgUnitId">Their org unit.</param>
    public async Task<(CertificateIssued Issued, ServiceRequestServed Served)> IssueAsync(ServiceRequest request, CertificateType type,
        RegistryRecord? record, bool citizenKnown, DateTimeOffset now, string? employeeId, string? orgUnitId, CancellationToken ct)
    {
        var agency = await store.Directory.GetAgencyAsync(type.IssuingAgencyId, ct) ?? throw new NotFoundException("Agency", type.IssuingAgencyId);
        return CertificateRules.Issue(request, type, record, citizenKnown, agency.Name, CertificateNumber.New(now), now,
            await keys.SignerAsync(type.IssuingAgencyId, ct), employeeId, orgUnitId);
    }
}
