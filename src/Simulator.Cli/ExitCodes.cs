namespace Simulator.Cli;

/// <summary>Process exit codes; listed in <c>simulator --help</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int RunFailure = 1;
    public const int InvalidInput = 2;
    public const int GuardrailViolated = 3;

    public const string HelpText =
        "Exit codes: 0 success; 1 run failure (including an interrupted run, an output that cannot be written); 2 invalid input (scenario, arguments, a refused snapshot, a population that cannot fit); 3 a guardrail violated (compare).";
}
