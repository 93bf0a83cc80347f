namespace EDoc.Cli;

/// <summary>Reads a secret from the terminal, echoing nothing, so it stays out of the scrollback.</summary>
internal static class TerminalPrompt
{
    public static string ReadSecret(string prompt)
    {
        Console.Error.Write(prompt);
        var secret = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) secret.Length = Math.Max(0, secret.Length - 1);
            else if (!char.IsControl(key.KeyChar)) secret.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return secret.ToString();
    }
}
