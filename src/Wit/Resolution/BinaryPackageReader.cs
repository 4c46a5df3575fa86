using System;
using WitSharp.Wit.Binary;
using WitSharp.Wit.Decoding;

namespace WitSharp.Wit.Resolution;

/// <summary>
/// Reads a WIT package encoded as a component (binary <c>.wasm</c>, or WebAssembly text <c>.wat</c> through a
/// caller-supplied encoder) into a <see cref="Resolve"/>. Reference: wit-parser <c>Resolve::_push_file</c>,
/// which sniffs the file's contents (<c>wat::Detect</c>), turns text into binary, calls
/// <c>wit_component::decode</c> and merges the decoded package into the resolve; in a <c>deps/</c> folder such
/// packages are added as they are met, before the folder's WIT text packages are sorted and added.
/// </summary>
/// <remarks>The WIT library cannot depend on the runtime's text parser (it runs inside the source generator,
/// netstandard2.0), so WebAssembly text needs <see cref="Resolve.ComponentTextEncoder"/>.</remarks>
internal static class BinaryPackageReader
{
    private static readonly byte[] s_magic = { 0x00, 0x61, 0x73, 0x6d };

    /// <summary>What a file holds, judged from its bytes (and, for text, its extension).</summary>
    public enum Format
    {
        /// <summary>WIT text (or anything else: the WIT parser reports it).</summary>
        WitText,
        /// <summary>A WebAssembly binary (starts with <c>\0asm</c>).</summary>
        WasmBinary,
        /// <summary>WebAssembly text: a <c>.wat</c> file, or text whose first token opens <c>(component</c> or <c>(module</c>.</summary>
        WasmText,
    }

    /// <summary>Classifies a file as <c>wat::Detect</c> does for the reference: by content, so a package
    /// binary is recognised whatever its extension; text counts as WebAssembly when it is a <c>.wat</c> file
    /// or starts (after whitespace and comments) with <c>(component</c> or <c>(module</c>, which no WIT
    /// document can.</summary>
    public static Format Detect(string path, byte[] contents)
    {
        if (contents.Length >= 4 && contents[0] == s_magic[0] && contents[1] == s_magic[1] && contents[2] == s_magic[2] && contents[3] == s_magic[3])
        {
            return Format.WasmBinary;
        }
        if (string.Equals(System.IO.Path.GetExtension(path), ".wat", StringComparison.OrdinalIgnoreCase)) return Format.WasmText;
        return StartsWithWatForm(contents) ? Format.WasmText : Format.WitText;
    }

    /// <summary>Decodes the package in <paramref name="contents"/> (read from <paramref name="path"/>) into
    /// <paramref name="resolve"/> and returns its package id. Every failure is a <see cref="WitException"/>
    /// naming the file; for malformed binaries the message carries the byte offset and the inner exception is
    /// the <see cref="WitBinaryException"/>.</summary>
    public static int Push(Resolve resolve, string path, byte[] contents, Format format)
    {
        var binary = contents;
        if (format == Format.WasmText)
        {
            var encoder = resolve.ComponentTextEncoder
                ?? throw new WitException("`" + path + "` is a WIT package in WebAssembly text format; reading it needs a component text encoder " +
                                          "(set Resolve.ComponentTextEncoder) [" + path + "]");
            string text;
            try
            {
                text = new System.Text.UTF8Encoding(false, true).GetString(contents);
            }
            catch (System.Text.DecoderFallbackException)
            {
                throw new WitException("input file is not valid utf-8 [" + path + "]");
            }
            try
            {
                binary = encoder(text) ?? throw new WitException("the component text encoder returned no bytes [" + path + "]");
            }
            catch (Exception e) when (e is not WitException and not OutOfMemoryException)
            {
                throw new WitException("failed to parse WebAssembly text [" + path + "]: " + e.Message, e);
            }
        }

        try
        {
            return ComponentWit.DecodePackage(binary, resolve).Package;
        }
        catch (WitBinaryException e)
        {
            // Offsets are in the binary; for a .wat file that is the encoder's output, which the message says.
            var where = format == Format.WasmText ? " of the encoded text" : "";
            throw new WitException("failed to decode WIT package [" + path + "]: " + e.Reason + " (at byte offset " + e.Offset + where + ")", e);
        }
    }

    // Skips whitespace, `;; line` and `(; block ;)` comments (WebAssembly text §6.2 "Comments"), then looks for
    // `(component` or `(module`.
    private static bool StartsWithWatForm(byte[] s)
    {
        var i = 0;
        if (s.Length >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) i = 3;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                i++;
            }
            else if (c == ';' && i + 1 < s.Length && s[i + 1] == ';')
            {
                while (i < s.Length && s[i] != '\n') i++;
            }
            else if (c == '(' && i + 1 < s.Length && s[i + 1] == ';')
            {
                var depth = 1;
                i += 2;
                while (i < s.Length && depth > 0)
                {
                    if (s[i] == '(' && i + 1 < s.Length && s[i + 1] == ';') { depth++; i += 2; }
                    else if (s[i] == ';' && i + 1 < s.Length && s[i + 1] == ')') { depth--; i += 2; }
                    else i++;
                }
            }
            else
            {
                break;
            }
        }
        if (i >= s.Length || s[i] != '(') return false;
        i++;
        while (i < s.Length && s[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') i++;
        return HasWord(s, i, "component") || HasWord(s, i, "module");
    }

    private static bool HasWord(byte[] s, int at, string word)
    {
        if (at + word.Length > s.Length) return false;
        for (var k = 0; k < word.Length; k++)
        {
            if (s[at + k] != word[k]) return false;
        }
        var end = at + word.Length;
        return end == s.Length || s[end] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)')' or (byte)'$' or (byte)'(' or (byte)';';
    }
}
