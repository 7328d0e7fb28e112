namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>Load picked up by closing a normally-open tie from a de-energised feeder to a healthy one.</summary>
public sealed record TieTransfer(string FromFeederId, string ToFeederId, double TransferredKw, double OfferedKw, int Wave);
