using System.Globalization;
using EDoc.Client;
using EDoc.Console.Texts;
using EDoc.Domain.Calendar;
using Google.Rpc;
using Grpc.Core;

namespace EDoc.Console.Shell;

/// <summary>
/// What the user reads when a call fails: the reasons a person meets every day in plain words of their language, any
/// other refusal as the server's ErrorInfo reason and field violations (AIP-193), never a stack trace.
/// </summary>
public static class Refusals
{
    /// <summary>Whether the failure is one to show rather than a bug to let crash.</summary>
    public static bool Shows(Exception error) => error is ClientException or RpcException;

    public static LocalText Describe(Exception error, Uri server) => error switch
    {
        ServerUnreachableException => new(UiText.ErrorUnreachable, server.OriginalString),
        SessionExpiredException => new(UiText.ErrorSessionExpired),
        RpcException rpc => Describe(rpc),
        _ => new(UiText.ErrorRefused, error.Message),
    };

    private static LocalText Describe(RpcException error)
    {
        var status = error.GetRpcStatus();
        var info = status?.GetDetail<ErrorInfo>();
        switch (info?.Reason)
        {
            case "BAD_CREDENTIALS":
                return new(UiText.ErrorBadCredentials);
            case "ACCOUNT_LOCKED" when info.Metadata.TryGetValue("lockedUntil", out var until)
                                       && DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens):
                return new(UiText.ErrorAccountLocked, AlmatyTime(opens));
            case "RATE_LIMITED":
                return new(UiText.ErrorRateLimited);
        }
        var lines = new List<string> { $"{(info?.Reason is { Length: > 0 } reason ? reason : error.StatusCode.ToString())}: {error.Status.Detail}" };
        lines.AddRange(status?.GetDetail<BadRequest>()?.FieldViolations.Select(v => $"{v.Field}: {v.Description}") ?? []);
        lines.AddRange(status?.GetDetail<PreconditionFailure>()?.Violations.Select(v => $"{v.Subject}: {v.Description}") ?? []);
        return new(UiText.ErrorRefused, string.Join("\n", lines));
    }

    /// <summary>People read times on the Almaty clock, the whole country's since March 2024.</summary>
    public static string AlmatyTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, WorkingCalendar.AlmatyTimeZone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
}
