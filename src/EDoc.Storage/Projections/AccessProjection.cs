using EDoc.Domain.Access;
using EDoc.Domain.Directory;
using EDoc.Domain.Events;
using EDoc.Storage.EventLog;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Projections;

/// <summary>The credentials and api_keys tables: sign-in state and agency system keys.</summary>
internal sealed class AccessProjection : IProjection
{
    public async Task ApplyAsync(DbSession session, RecordedEvent recorded, DomainEvent e, CancellationToken ct)
    {
        switch (e)
        {
            case EmployeeCreated c:
                await CredentialsTable.UpsertAsync(session, Credentials.Initial(c.EmployeeId), ct);
                break;
            case PasswordChanged or LoginSucceeded or LoginFailed:
                var employeeId = e switch
                {
                    PasswordChanged p => p.EmployeeId,
                    LoginSucceeded s => s.EmployeeId,
                    _ => ((LoginFailed)e).EmployeeId,
                };
                var current = await CredentialsTable.GetAsync(session, employeeId, ct) ?? Credentials.Initial(employeeId);
                await CredentialsTable.UpsertAsync(session, current.Apply(e), ct);
                break;
            case ApiKeyCreated k:
                await ApiKeysTable.InsertAsync(session, ApiKey.From(k, recorded.ActorId, recorded.RecordedAt), ct);
                break;
            case ApiKeyRevoked r:
                await ApiKeysTable.RevokeAsync(session, r.KeyId, recorded.RecordedAt, ct);
                break;
        }
    }
}
