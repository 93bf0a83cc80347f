using EDoc.Bench.Data;
using EDoc.Contracts.V1;

namespace EDoc.Bench.Scenarios;

/// <summary>A write that hashes a password first: its limit is the CPU, by design, not the write path.</summary>
internal sealed class CreateEmployeeScenario() : RpcScenario<DirectoryService.DirectoryServiceClient>(
    "create-employee", "DirectoryService.CreateEmployee with an initial password, a fresh request_id each call",
    Comparison.DurableCommit, Comparison.PasswordHashing)
{
    private long _created;

    public override string Note =>
        "CPU bound by design: every call hashes the initial password with PBKDF2 (ASP.NET Core Identity) before it reaches " +
        "the write path, so its ceiling is the PBKDF2 baseline times the cores, shared with the bench itself.";

    public override Task CallAsync(int caller, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref _created);
        return Client(caller).CreateEmployeeAsync(new CreateEmployeeRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            InitialPassword = "Bench-password-2026",
            Employee = new Employee
            {
                AgencyId = Target.AgencyId,
                Iin = SyntheticPeople.Iin(n),
                FullName = SyntheticPeople.FullName(n),
                Position = SyntheticPeople.Position(n),
                Username = SyntheticPeople.Username("new", n),
                Roles = { Role.Executor },
            },
        }, AsAgencyAdmin(ct)).ResponseAsync;
    }
}
