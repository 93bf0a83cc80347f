using System.Collections.Concurrent;
using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;
using Grpc.Core;
using Npgsql;

namespace EDoc.System.Tests.Faults;

/// <summary>
/// Writers that create documents as the registrar over real gRPC, each request with its own request_id and a title
/// naming that id. What each request was answered is kept: the document id when acknowledged, the request itself when
/// it got no answer (the server died, or could not reach its store), so that it can be sent again with the same id.
/// </summary>
internal sealed class DocumentLoad
{
    public const string Registrar = "shym.registrar";
    private const string Shymkent = "shymkent-akimat";
    private const string TitlePrefix = "Fault load ";

    private readonly ConcurrentDictionary<string, string> _acknowledged = new();
    private readonly ConcurrentDictionary<string, CreateDocumentRequest> _unanswered = new();
    private readonly ConcurrentDictionary<StatusCode, int> _failures = new();

    /// <summary>Document ids by the request_id that created them, for every acknowledged request.</summary>
    public IReadOnlyDictionary<string, string> Acknowledged => _acknowledged;

    /// <summary>Requests sent and not (yet) answered.</summary>
    public int UnansweredCount => _unanswered.Count;

    /// <summary>The status codes failed calls got, and how often.</summary>
    public IReadOnlyDictionary<StatusCode, int> Failures => _failures;

    /// <summary>
    /// Runs the writers until <paramref name="stop"/>; a failed call is kept for a retry. With
    /// <paramref name="untilFirstFailure"/> a writer stops at its first failure (its server is gone), otherwise it
    /// goes on with new requests after a short pause, as a client would.
    /// </summary>
    public Task RunAsync(CallInvoker registrar, int writers, bool untilFirstFailure, CancellationToken stop)
    {
        var documents = new DocumentService.DocumentServiceClient(registrar);
        return Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var request = NewRequest();
                try
                {
                    _acknowledged[request.RequestId] = (await documents.CreateDocumentAsync(request)).Id;
                }
                catch (RpcException e)
                {
                    _unanswered[request.RequestId] = request;
                    _failures.AddOrUpdate(e.StatusCode, 1, (_, n) => n + 1);
                    if (untilFirstFailure) return;
                    await Task.Delay(100, CancellationToken.None);
                }
                catch (ObjectDisposedException)
                {
                    return; // the server and its channel are gone; this request was never sent
                }
            }
        })));
    }

    /// <summary>
    /// Sends every unanswered request again with its own request_id, each until it is answered within the deadline, and
    /// returns how many were sent again. A retry may only succeed: its request either never committed, or did and gets
    /// its first reply back.
    /// </summary>
    public async Task<int> RetryUnansweredAsync(CallInvoker registrar, TimeSpan deadline)
    {
        var documents = new DocumentService.DocumentServiceClient(registrar);
        var retried = _unanswered.Values.ToList();
        using var limit = new CancellationTokenSource(deadline);
        await Parallel.ForEachAsync(retried, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, _) =>
        {
            while (true)
            {
                try
                {
                    _acknowledged[request.RequestId] = (await documents.CreateDocumentAsync(request, cancellationToken: limit.Token)).Id;
                    _unanswered.TryRemove(request.RequestId, out var _);
                    return;
                }
                // Only while the server is still finding its store again; anything else is a wrong answer to a retry.
                catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && !limit.IsCancellationRequested)
                {
                    await Task.Delay(200, limit.Token);
                }
            }
        });
        return retried.Count;
    }

    /// <summary>Documents with an unanswered request's title already in the store: committed before the answer was lost.</summary>
    public async Task<Dictionary<string, string>> CommittedButUnansweredAsync(string connection)
    {
        var stored = await StoredAsync(connection);
        return _unanswered.Keys.Where(stored.ContainsKey).ToDictionary(id => id, id => Assert.Single(stored[id]));
    }

    /// <summary>
    /// Every acknowledged request made exactly one document, the one its reply named, and nothing else of the load is in
    /// the store (an unanswered request that committed was retried and so is acknowledged now).
    /// </summary>
    public async Task AssertEachAppliedOnceAsync(string connection)
    {
        var stored = await StoredAsync(connection);
        Assert.Empty(stored.Where(s => s.Value.Count > 1).Select(s => $"{s.Key}: {string.Join(", ", s.Value)}"));
        Assert.Empty(_acknowledged.Where(a => !stored.TryGetValue(a.Key, out var ids) || ids[0] != a.Value).Select(a => a.Key));
        Assert.DoesNotContain(stored.Keys, id => !_acknowledged.ContainsKey(id) && !_unanswered.ContainsKey(id));
    }

    private static CreateDocumentRequest NewRequest()
    {
        var requestId = Guid.NewGuid().ToString();
        return new CreateDocumentRequest
        {
            RequestId = requestId,
            Document = new Document
            {
                AgencyId = Shymkent, Kind = DocumentKind.Internal, Title = TitlePrefix + requestId, Language = "kk",
            },
        };
    }

    /// <summary>The load's documents in the store: ids by the request_id their title names.</summary>
    private static async Task<Dictionary<string, List<string>>> StoredAsync(string connection)
    {
        var stored = new Dictionary<string, List<string>>();
        await using var db = NpgsqlDataSource.Create(connection);
        await using var command = db.CreateCommand("SELECT title, id FROM documents WHERE title LIKE 'Fault load %'");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var requestId = reader.GetString(0)[TitlePrefix.Length..];
            (stored.TryGetValue(requestId, out var ids) ? ids : stored[requestId] = []).Add(reader.GetString(1));
        }
        return stored;
    }
}
