using WitSharp.Wit.Tests.Corpus;

namespace WitSharp.Wit.Tests.Printing;

/// <summary>Round trips of small documents aimed at what the corpora exercise little: doc comment layout,
/// keyword names, gates with deprecation, every anonymous type form, resource function forms, nested
/// packages and renamed uses. Each must resolve, print, resolve again to the same model (compared as in
/// <see cref="RoundTripTests"/>), and print to the same text again.</summary>
public sealed class EdgeCaseRoundTripTests
{
    [Theory]
    [InlineData("docs", """
        package a:docs;

        /// First line.
        ///
        ///   Indented line, kept relative to the others.
        /// Last line.
        interface i {
          /** block doc */
          record r {
            /// field doc
            %type: u32,
          }

          // plain comments are docs too in this toolchain
          enum e { /// case doc
            a, b }
        }
        """)]
    [InlineData("keywords", """
        package %interface:%world@1.2.3-pre+build;

        interface %use {
          record %record { %list: list<%record-two> }
          record %record-two { %as: string }
          variant %variant { %own(%record), %borrow }
          flags %flags { %static, %async }
          %func: func(%type: %record) -> %variant;
        }

        world %package {
          import %use;
          export %export: func();
        }
        """)]
    [InlineData("gates", """
        package a:gates@2.0.0;

        @since(version = 1.0.0)
        @deprecated(version = 1.5.0)
        interface old {
          @since(version = 1.0.0)
          type t = u32;
          @unstable(feature = active)
          @deprecated(version = 1.9.0)
          f: func();
          @unstable(feature = inactive)
          g: func();
        }

        @unstable(feature = active)
        world w {
          @since(version = 1.1.0)
          import old;
          @unstable(feature = active)
          export h: func();
        }
        """)]
    [InlineData("anonymous-types", """
        package a:types;

        interface t {
          resource r;
          type all = tuple<list<u8>, list<u8, 4>, map<string, list<u32>>, option<option<s8>>,
                           result, result<u8>, result<_, string>, result<f32, f64>,
                           future, future<char>, stream, stream<bool>, error-context,
                           own<r>, borrow<r>, tuple<>>;
          f: func(a: list<tuple<u16, s16>>, b: borrow<r>) -> result<option<u64>, list<error-context>>;
        }
        """)]
    [InlineData("resources", """
        package a:res;

        interface i {
          before: func();
          resource blob {
            constructor(init: list<u8>);
            write: func(bytes: list<u8>);
            read: async func(n: u32) -> list<u8>;
            merge: static func(lhs: blob, rhs: borrow<blob>) -> blob;
            merge-async: static async func(lhs: own<blob>);
          }
          between: func(b: borrow<blob>);
          resource failing {
            constructor() -> result<failing, string>;
          }
          after: async func() -> blob;
        }

        world w {
          resource local {
            constructor();
            m: func();
          }
          import get: func() -> local;
          export put: func(l: local);
        }
        """)]
    [InlineData("nested-packages", """
        package top:level;

        package dep:one@0.1.0 {
          interface types {
            type id = u64;
            resource handle;
          }
        }

        package dep:two {
          interface api {
            use dep:one/types@0.1.0.{id as identifier, handle};
            lookup: func(k: identifier) -> option<handle>;
          }
          world inner {
            import api;
          }
        }

        interface mine {
          use dep:two/api.{identifier};
          use dep:one/types@0.1.0.{handle as h};
          use dep:one/types@0.1.0.{id};
          g: func(x: identifier, y: id) -> h;
        }

        world outer {
          include dep:two/inner;
          import extra: interface {
            use mine.{h};
            f: func() -> h;
          }
          export run: func();
        }

        world named-instances {
          import first: dep:two/api;
          export second: mine;
        }
        """)]
    [InlineData("since-through-include", """
        package app:main;

        package lib:api@1.0.0 {
          @since(version = 1.0.0)
          interface types {
            @since(version = 1.0.0)
            type t = u32;
          }

          @since(version = 1.0.0)
          world base {
            @since(version = 1.0.0)
            import types;
            @since(version = 1.0.0)
            import inline: interface {
              @since(version = 1.0.0)
              use types.{t};
              @since(version = 1.0.0)
              f: func() -> t;
            }
            @since(version = 1.0.0)
            export g: func();
          }
        }

        world app {
          include lib:api/base@1.0.0;
        }
        """)]
    public void Round_trips(string name, string source)
    {
        var first = new Resolve(WitCorpusCases.Features);
        var main = first.PushSource(name + ".wit", source);
        var text = new WitPrinter(first).PrintAll(main);

        var second = new Resolve(WitCorpusCases.Features);
        var main2 = second.PushSource(name + ".printed.wit", text);

        var diff = RoundTripTests.Compare(first, second, out var how);
        Assert.True(diff is null, diff + "\n--- printed ---\n" + text);
        // Only the include case may need more than an exact comparison (its @since gates cannot be printed).
        Assert.True(how == "exact" || name == "since-through-include", how);
        Assert.Equal(text, new WitPrinter(second).PrintAll(main2));
    }

    [Fact]
    public void Doc_lines_keep_relative_indentation()
    {
        var r = new Resolve();
        var pkg = r.PushSource("d.wit", "package a:b;\n/// one\n///\n///    two\ninterface i {}\n");
        var text = new WitPrinter(r).PrintPackage(pkg);
        Assert.Contains("/// one\n///\n///    two\ninterface i {", text, StringComparison.Ordinal);
    }
}
