using EDoc.Domain.Access;
using EDoc.Domain.Errors;
using EDoc.Storage;
using Google.Protobuf;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Keys;

/// <summary>Signing-key reads, scoped to the caller's agency; CA certificates are public, as verifiers need them.</summary>
internal sealed class KeyReads(IEDocStore store, AgencyCa cas)
{
    public async Task<Proto.ListKeysResponse> ListKeysAsync(Caller caller, Proto.ListKeysRequest request, CancellationToken ct)
    {
        var employeeId = request.EmployeeId.Length == 0 ? caller.Id : request.EmployeeId;
        var employee = await store.Directory.GetEmployeeAsync(employeeId, ct);
        if (employee is null || !caller.Sees(employee.AgencyId)) throw new NotFoundException("Employee", employeeId);
        var keys = await store.SigningKeys.ListOfEmployeeAsync(employeeId, ct);
        return new Proto.ListKeysResponse { Keys = { keys.Select(KeyMapping.ToProto) } };
    }

    public async Task<Proto.AgencyCaCertificate> GetAgencyCaCertificateAsync(Caller caller, Proto.GetAgencyCaCertificateRequest request,
        CancellationToken ct)
    {
        var agencyId = request.AgencyId.Length == 0 ? caller.AgencyId : request.AgencyId;
        using var certificate = await cas.FindCertificateAsync(agencyId, ct) ?? throw new NotFoundException("AgencyCaCertificate", agencyId);
        return new Proto.AgencyCaCertificate { AgencyId = agencyId, Certificate = ByteString.CopyFrom(certificate.RawData) };
    }
}
