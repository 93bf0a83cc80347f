using EDoc.Domain.Workflow;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Tests;

/// <summary>The inbox's reader of a task's state gives exactly what the serializer gives, on its fast path or not.</summary>
public sealed class RouteTaskJsonTests
{
    private static readonly RouteTask Open = new("route-1-t1", 0, 1, 0, "emp-one", TaskAction.Approve, RouteTaskStatus.Open,
        new DateOnly(2026, 4, 3), false, null, null, null, null, null, null, null, null, null, null, 1);

    // Every field set, none to its default: a field added to RouteTask must be added here (the constructor changes), and
    // then this fails until the fast path reads it too.
    private static readonly RouteTask Finished = new("route-1-t2", 2, 3, 4, "emp-two", TaskAction.Execute, RouteTaskStatus.Cancelled,
        new DateOnly(2026, 12, 31), true, "route-1-t0", TaskOutcome.Executed, "emp-three", "emp-two", "Келісемін \"иә\"\n",
        "Орындалды ✓", "route-1-t9", TaskCancellationReason.RouteCancelled, new DateOnly(2026, 12, 30),
        new DateOnly(2026, 12, 29), 7);

    public static TheoryData<string> Tasks => ["open", "finished"];

    [Theory]
    [MemberData(nameof(Tasks))]
    public void A_stored_task_is_read_on_the_fast_path_as_the_serializer_reads_it(string which)
    {
        var task = which == "open" ? Open : Finished;

        var read = RouteTaskJson.TryRead(StateJson.Serialize(task));

        Assert.Equal(task, read);
    }

    [Fact]
    public void A_long_comment_is_read_through_a_pooled_buffer()
    {
        var task = Finished with { Report = new string('ә', 5000) };

        Assert.Equal(task, RouteTaskJson.TryRead(StateJson.Serialize(task)));
    }

    [Theory]
    [InlineData("\"someNewField\":1,")]
    [InlineData("\"action\":1,")]
    [InlineData("\"\\u0061ction\":\"Approve\",")]
    public void Json_the_fast_path_does_not_know_is_read_by_the_serializer(string first)
    {
        var json = "{" + first + StateJson.Serialize(Finished)[1..];

        Assert.Null(RouteTaskJson.TryRead(json));
        Assert.Equal(StateJson.Deserialize<RouteTask>(json), RouteTaskJson.Read(json));
    }
}
