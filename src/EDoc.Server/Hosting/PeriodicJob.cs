using EDoc.Server.Telemetry;

namespace EDoc.Server.Hosting;

/// <summary>
/// A background job every instance runs on a timer. A store that cannot be reached only skips a round: the next
/// tick tries again, and the jobs are written so that any instance doing the work is as good as another.
/// </summary>
internal abstract class PeriodicJob(TimeSpan interval, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The clock the job runs by.</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>One round of the job.</summary>
    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, Clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
            var failed = true;
            try
            {
                await RunOnceAsync(stoppingToken);
                failed = false;
            }
            catch (Exception error) when (error is System.Data.Common.DbException or TimeoutException)
            {
                logger.LogWarning(error, "{Job} could not reach the store; will retry", GetType().Name);
            }
            finally
            {
                // A round cut short because the server stops has not failed.
                ServerMetrics.JobRan(GetType().Name, failed && !stoppingToken.IsCancellationRequested, startedAt);
            }
        }
    }
}
