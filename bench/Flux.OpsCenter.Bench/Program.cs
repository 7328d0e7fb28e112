using Flux.OpsCenter.Bench;

return await BenchCommands.RunAsync(args);
