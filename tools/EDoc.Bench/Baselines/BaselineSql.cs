using System.Data.Common;

namespace EDoc.Bench.Baselines;

/// <summary>The plain ADO.NET the store baselines run their loops with, on either engine.</summary>
internal static class BaselineSql
{
    /// <summary>A command with its text; the caller disposes it.</summary>
    public static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds a parameter (its value set now or before each execution) and returns it.</summary>
    public static DbParameter AddParameter(DbCommand command, string name, object? value = null)
    {
        var parameter = Named(command.CreateParameter(), name, value);
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Names a parameter made by a command or a batch command and gives it its value.</summary>
    public static DbParameter Named(DbParameter parameter, string name, object? value)
    {
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }

    /// <summary>Runs statements that return nothing.</summary>
    public static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
