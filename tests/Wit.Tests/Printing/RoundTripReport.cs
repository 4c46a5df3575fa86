using WitSharp.Wit.Tests.Corpus;

namespace WitSharp.Wit.Tests.Printing;

/// <summary>artifacts/conformance/wit-roundtrip.txt: per case, whether print → resolve gave the same model
/// exactly or only after canonical renumbering of the arenas (see <see cref="RoundTripTests"/>).</summary>
public sealed class RoundTripReport : ConformanceReport
{
    public RoundTripReport()
        : base("wit-roundtrip",
            "# WIT printer round trip: resolve → WitPrinter → resolve, models compared as corpus JSON\n" +
            "# inputs: ../shared/corpus/wit-parser-ui success cases (ui/) and ../shared/corpus/wit packages (wit/)\n")
    {
    }
}
