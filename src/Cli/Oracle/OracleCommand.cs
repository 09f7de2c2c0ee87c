using System.Text;

namespace Verified.Cli.Oracle;

/// <summary><c>verified oracle</c>: JSONL in on stdin, one JSON object per line out, in order, until EOF.</summary>
internal static class OracleCommand
{
    public static int Run(TextReader input, Stream output)
    {
        var handler = new OracleHandler();
        var newline = "\n"u8;
        using var buffered = new BufferedStream(output, 1 << 16);
        while (input.ReadLine() is { } line)
        {
            // One answer per line, blank lines included (they get an error), so answers stay aligned.
            buffered.Write(handler.Handle(line));
            buffered.Write(newline);
            // Flush every answer: an interactive peer may be waiting for it before it writes the next line.
            buffered.Flush();
        }

        buffered.Flush();
        return 0;
    }

    public static int Run() => Run(new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false), false, 1 << 16), Console.OpenStandardOutput());
}
