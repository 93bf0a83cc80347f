using System.CommandLine;
using Google.Protobuf;

namespace EDoc.Cli.Commands;

/// <summary>One page of an AIP-158 list: the size asked for and the token of the page before.</summary>
internal readonly record struct PageRequest(int Size, string Token);

/// <summary>
/// A list command over any List RPC: --page-size and --all, then the reply as a table or as JSON. With --all every
/// page is merged into one reply (merging concatenates the repeated items), so JSON output stays one document.
/// </summary>
internal static class ListCommand
{
    public static Command Create<TList>(CliContext cli, string description, Option[] filters,
        Func<Invocation, ParseResult, PageRequest, CancellationToken, Task<TList>> fetchPage, Action<TList, Output> showTable,
        string name = "list")
        where TList : IMessage<TList>
    {
        var pageSize = new Option<int>("--page-size")
        {
            Description = "Items per page; 0 lets the server choose (50), larger values are capped at 500",
        };
        var all = new Option<bool>("--all") { Description = "Follow next_page_token through every page" };
        var command = new Command(name, description) { pageSize, all };
        foreach (var filter in filters) command.Add(filter);
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            var size = parse.GetValue(pageSize);
            var reply = await ListAsync(token => fetchPage(run, parse, new PageRequest(size, token), ct), parse.GetValue(all));
            run.Output.Write(reply, () =>
            {
                showTable(reply, run.Output);
                run.Output.MorePages(NextPageToken(reply).GetValue(reply) is string { Length: > 0 });
            });
        });
        return command;
    }

    private static async Task<TList> ListAsync<TList>(Func<string, Task<TList>> fetchPage, bool all) where TList : IMessage<TList>
    {
        var merged = await fetchPage("");
        var nextToken = NextPageToken(merged);
        var next = (string)nextToken.GetValue(merged);
        while (all && next.Length > 0)
        {
            var page = await fetchPage(next);
            merged.MergeFrom(page);
            next = (string)nextToken.GetValue(page);
        }
        // Merging never copies an empty string, so the last page's "no more pages" is set explicitly.
        nextToken.SetValue(merged, next);
        return merged;
    }

    private static Google.Protobuf.Reflection.IFieldAccessor NextPageToken(IMessage reply) =>
        reply.Descriptor.FindFieldByName("next_page_token").Accessor;
}
