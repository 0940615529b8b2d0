#pragma once

namespace frontline::app {

/// The exit codes of every `frontline` subcommand (README, "Exit codes").
enum ExitCode : int {
    exit_ok = 0,             ///< everything was read and written
    exit_inputs_skipped = 1, ///< the output was written, but some inputs or articles were skipped
    exit_failure = 2,        ///< bad usage or a fatal error: nothing was written
};

}  // namespace frontline::app
