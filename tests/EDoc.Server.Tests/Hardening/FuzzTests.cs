using EDoc.Contracts.Demo;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Xunit.Abstractions;

namespace EDoc.Server.Tests.Hardening;

/// <summary>
/// Malformed requests by the ten thousand, generated from the descriptors of every RPC of every EDoc service and sent
/// through a real channel as raw bytes: none is answered UNKNOWN or INTERNAL, every refusal carries one ErrorInfo, the
/// server keeps answering, and requests it refused leave the event log as it was.
/// </summary>
public abstract class FuzzTests(ServerFixture fixture, ITestOutputHelper output) : ApiTest(fixture)
{
    // Fixed, so a failure is reproduced by running the test again; printed with the results.
    private const int Seed = 20_211_208;
    private const int Calls = 10_000;
    private const int Concurrency = 8;

    // A refused sign-in is recorded in the log on purpose (lockout and its audit), so sign-ins are left out of the
    // comparison of the log before and after refused calls.
    private static readonly string SignIn = AuthService.Descriptor.FindMethodByName("Login").FullName;

    // A watch that is well formed and authorised waits for events that may never come; its deadline ends it instead. Any
    // other call has a reply long before its guard on a shared test machine, so a call that meets it hangs.
    private static readonly TimeSpan StreamWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    private static readonly Marshaller<byte[]> RawBytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    private enum Caller { Admin, Employee, GarbageBearer, GarbageApiKey, Anonymous }

    private sealed record FuzzedCall(MethodDescriptor Method, string Mutation, Caller Caller, IReadOnlyList<byte[]> Messages)
    {
        public override string ToString() => $"{Method.FullName} [{Mutation}] as {Caller}";
    }

    /// <summary>What the caller got; <see cref="Reason"/> is the reason of the reply's one EDoc ErrorInfo, null without exactly one.</summary>
    private sealed record Outcome(FuzzedCall Call, StatusCode Code, string? Reason, string Detail, bool LostConnection = false);

    // Calls sent again because their connection closed before the server answered them.
    private int _resent;

    /// <summary>Every RPC of every service of the contracts, found through the generated file descriptors.</summary>
    private static IReadOnlyList<MethodDescriptor> AllMethods() =>
        typeof(AuthService).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(AuthService).Namespace && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!)
            .SelectMany(file => file.Services).SelectMany(service => service.Methods)
            .OrderBy(method => method.FullName, StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Ten_thousand_malformed_requests_over_every_rpc_get_precise_codes_and_refused_ones_leave_the_log_unchanged()
    {
        var methods = AllMethods();
        var calls = Generate(methods, new Random(Seed));
        var invokers = new Dictionary<Caller, CallInvoker>
        {
            [Caller.Admin] = await Fixture.SessionOfAsync(DemoDirectory.AdminUsername),
            [Caller.Employee] = await Fixture.SessionOfAsync("shym.registrar"),
            [Caller.GarbageBearer] = Fixture.Server.WithBearer("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.Zm9yZ2Vk"),
            [Caller.GarbageApiKey] = Fixture.Server.WithApiKey("edoc_" + new string('x', 40)),
            [Caller.Anonymous] = Fixture.Server.Channel.CreateCallInvoker(),
        };

        var outcomes = await SendAllAsync(invokers, calls);
        output.WriteLine($"Seed {Seed}: {outcomes.Count} calls over {methods.Count} methods of " +
            $"{methods.Select(m => m.Service).Distinct().Count()} services; {_resent} sent again after their connection closed.");
        foreach (var code in outcomes.GroupBy(o => o.Code).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  {code.Key,-20} {code.Count(),6}");
            var reasons = code.Where(o => o.Code != StatusCode.OK).GroupBy(o => o.Reason ?? "(no ErrorInfo)");
            foreach (var reason in reasons.OrderByDescending(g => g.Count()))
                output.WriteLine($"    {reason.Key,-30} {reason.Count(),6}");
        }

        var refusedAgain = await RefusedWithoutChangeAsync(invokers, outcomes);
        output.WriteLine($"{refusedAgain} refused calls sent again left the log unchanged.");

        var offenders = outcomes
            .Where(o => o.Code is StatusCode.Unknown or StatusCode.Internal
                || (o.Code == StatusCode.DeadlineExceeded && !o.Call.Method.IsServerStreaming))
            .Select(o => $"{o.Call}: {o.Code} {o.Detail}").ToList();
        Assert.True(offenders.Count == 0, $"{offenders.Count} calls answered UNKNOWN or INTERNAL or not at all (seed {Seed}):\n" +
            string.Join("\n", offenders.Take(100)));
        // A deadline is the client's own status, not the server's reply.
        var withoutReason = outcomes.Where(o => o.Code is not (StatusCode.OK or StatusCode.DeadlineExceeded) && o.Reason is null)
            .Select(o => $"{o.Call}: {o.Code} {o.Detail}").ToList();
        Assert.True(withoutReason.Count == 0, $"{withoutReason.Count} refusals without exactly one ErrorInfo of {RpcAssert.ErrorDomain} " +
            $"(seed {Seed}):\n" + string.Join("\n", withoutReason.Take(100)));
        var whoAmI = await new AuthService.AuthServiceClient(invokers[Caller.Admin]).WhoAmIAsync(new WhoAmIRequest());
        Assert.Equal(PrincipalKind.Employee, whoAmI.Principal.Kind);
    }

    /// <summary>
    /// Sends the refused calls (sign-ins aside) again and checks the log did not grow. A call refused the first time may
    /// pass now, since others created what it named; such calls are dropped and the rest sent once more.
    /// </summary>
    private async Task<int> RefusedWithoutChangeAsync(Dictionary<Caller, CallInvoker> invokers, IReadOnlyList<Outcome> outcomes)
    {
        var refused = outcomes.Where(o => o.Code != StatusCode.OK && o.Call.Method.FullName != SignIn).Select(o => o.Call)
            .Take(2_000).ToList();
        for (var round = 0; round < 3; round++)
        {
            var before = await Store.Log.CountAsync(default);
            var again = await SendAllAsync(invokers, refused);
            var after = await Store.Log.CountAsync(default);
            if (again.All(o => o.Code != StatusCode.OK))
            {
                Assert.True(before == after, $"{refused.Count} refused calls appended {after - before} events to the log.");
                return refused.Count;
            }
            refused = again.Where(o => o.Code != StatusCode.OK).Select(o => o.Call).ToList();
        }
        throw new Xunit.Sdk.XunitException("Refused calls kept succeeding when sent again.");
    }

    private static List<FuzzedCall> Generate(IReadOnlyList<MethodDescriptor> methods, Random random)
    {
        var fuzzer = new RequestFuzzer(random);
        var perMethod = (Calls + methods.Count - 1) / methods.Count;
        var calls = new List<FuzzedCall>();
        foreach (var method in methods)
        {
            var mutations = fuzzer.MutationsOf(method.InputType).OrderBy(_ => random.Next()).ToList();
            for (var i = 0; i < perMethod; i++)
            {
                var caller = CallerFor(random.Next(100));
                if (i % 8 == 7 || mutations.Count == 0)
                {
                    var (name, bytes) = fuzzer.Garbage(method.InputType);
                    calls.Add(new FuzzedCall(method, name, caller, [bytes]));
                    continue;
                }
                var mutation = mutations[i % mutations.Count];
                var request = random.Next(2) == 0 ? fuzzer.Plausible(method.InputType) : RequestFuzzer.Empty(method.InputType);
                mutation.Apply(request);
                // A stream's first message is often its header: one well-formed message before the spoiled one reaches
                // the checks of the later ones.
                IReadOnlyList<byte[]> messages = method.IsClientStreaming && random.Next(2) == 0
                    ? [fuzzer.Plausible(method.InputType).ToByteArray(), request.ToByteArray()]
                    : [request.ToByteArray()];
                calls.Add(new FuzzedCall(method, mutation.Name, caller, messages));
            }
        }
        return calls.OrderBy(_ => random.Next()).ToList();
    }

    // Mostly the system administrator, so requests get past authorisation to validation; some as an ordinary employee
    // and some with credentials that are no credentials at all.
    private static Caller CallerFor(int percent) => percent switch
    {
        < 70 => Caller.Admin,
        < 85 => Caller.Employee,
        < 90 => Caller.GarbageBearer,
        < 95 => Caller.GarbageApiKey,
        _ => Caller.Anonymous,
    };

    private async Task<IReadOnlyList<Outcome>> SendAllAsync(Dictionary<Caller, CallInvoker> invokers, IReadOnlyList<FuzzedCall> calls)
    {
        var outcomes = new Outcome[calls.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, calls.Count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (i, _) =>
            {
                outcomes[i] = await SendAsync(invokers[calls[i].Caller], calls[i]);
                // A call that never reached the server (its connection closed under it: the client's own transport error)
                // has no answer to judge; it is sent once more, and counted so the run says how often that happened.
                if (outcomes[i].LostConnection)
                {
                    Interlocked.Increment(ref _resent);
                    outcomes[i] = await SendAsync(invokers[calls[i].Caller], calls[i]);
                }
            });
        return outcomes;
    }

    private static async Task<Outcome> SendAsync(CallInvoker invoker, FuzzedCall call)
    {
        var method = call.Method;
        var type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        var raw = new Method<byte[], byte[]>(type, method.Service.FullName, method.Name, RawBytes, RawBytes);
        var options = new CallOptions(deadline: DateTime.UtcNow + (method.IsServerStreaming ? StreamWait : HangGuard));
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(raw, null, options, call.Messages[0]).ResponseAsync;
                    break;
                case MethodType.ServerStreaming:
                    using (var streaming = invoker.AsyncServerStreamingCall(raw, null, options, call.Messages[0]))
                        await streaming.ResponseStream.MoveNext();
                    break;
                case MethodType.ClientStreaming:
                    using (var uploading = invoker.AsyncClientStreamingCall(raw, null, options))
                    {
                        await WriteAllAsync(uploading.RequestStream, call.Messages);
                        await uploading.ResponseAsync;
                    }
                    break;
                default:
                    using (var duplex = invoker.AsyncDuplexStreamingCall(raw, null, options))
                    {
                        await WriteAllAsync(duplex.RequestStream, call.Messages);
                        await duplex.ResponseStream.MoveNext();
                    }
                    break;
            }
            return new Outcome(call, StatusCode.OK, "", "");
        }
        catch (RpcException error)
        {
            var infos = error.GetRpcStatus()?.Details.Where(d => d.Is(ErrorInfo.Descriptor)).Select(d => d.Unpack<ErrorInfo>()).ToList();
            var reason = infos is [{ Domain: RpcAssert.ErrorDomain } info] ? info.Reason : null;
            return new Outcome(call, error.StatusCode, reason, error.Status.Detail, error.Status.DebugException is HttpRequestException);
        }
    }

    private static async Task WriteAllAsync(IClientStreamWriter<byte[]> stream, IReadOnlyList<byte[]> messages)
    {
        try
        {
            foreach (var message in messages) await stream.WriteAsync(message);
            await stream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server answered before the stream was complete; its status is the reply's.
        }
    }
}

public sealed class FuzzTestsOnSqlite(ServerFixture<SqliteTestStore> fixture, ITestOutputHelper output)
    : FuzzTests(fixture, output), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class FuzzTestsOnPostgres(ServerFixture<PostgresTestStore> fixture, ITestOutputHelper output)
    : FuzzTests(fixture, output), IClassFixture<ServerFixture<PostgresTestStore>>;
