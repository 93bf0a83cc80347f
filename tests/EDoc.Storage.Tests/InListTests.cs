namespace EDoc.Storage.Tests;

/// <summary>IN lists are padded to a power of two so that lists of every length share a few prepared statements.</summary>
public sealed class InListTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 8)]
    [InlineData(200, 256)]
    public void A_list_is_padded_to_the_next_power_of_two_with_its_last_value(int count, int padded)
    {
        var values = Enumerable.Range(1, count).ToArray();

        var (sql, parameters) = DbSession.InList("s", values);

        Assert.Equal(padded, parameters.Length);
        Assert.Equal(values, parameters.Take(count).Select(p => (int)p.Item2!));
        Assert.All(parameters.Skip(count), p => Assert.Equal(count, p.Item2));
        Assert.Equal(string.Join(", ", Enumerable.Range(0, padded).Select(i => $"@s{i}")), sql);
    }

    [Fact]
    public void An_empty_list_is_refused_rather_than_written_as_invalid_sql()
    {
        Assert.Throws<ArgumentException>(() => DbSession.InList("s", Array.Empty<string>()));
    }
}
