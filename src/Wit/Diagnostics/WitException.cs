using System;

namespace WitSharp.Wit;

/// <summary>A WIT document failed to lex, parse or resolve. <see cref="File"/>, <see cref="Line"/> and
/// <see cref="Column"/> (1-based; the column counts UTF-8 bytes as the reference toolchain does) locate the
/// offending token when the error has a source location.</summary>
public sealed class WitException : Exception
{
    public WitException(string message)
        : base(message)
    {
        Reason = message;
    }

    public WitException(string message, Exception inner)
        : base(message, inner)
    {
        Reason = message;
    }

    public WitException()
        : base("invalid WIT")
    {
        Reason = "invalid WIT";
    }

    internal WitException(string reason, string? file, int line, int column, string? snippet)
        : base(Format(reason, file, line, column, snippet))
    {
        Reason = reason;
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The error without the location suffix.</summary>
    public string Reason { get; }

    /// <summary>The source file name (as given to the parser), or null when the error has no location.</summary>
    public string? File { get; }

    /// <summary>1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>Whether the error points at a source location.</summary>
    public bool HasLocation => Line > 0;

    private static string Format(string reason, string? file, int line, int column, string? snippet)
    {
        var s = reason + "\n     --> " + (file ?? "<input>") + ":" + line + ":" + column;
        if (snippet is not null)
        {
            s += "\n      |\n " + line.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4) + " | " + snippet +
                 "\n      | " + new string(' ', Math.Max(0, column - 1)) + "^";
        }
        return s;
    }
}
