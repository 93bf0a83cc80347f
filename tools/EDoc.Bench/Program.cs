// The benchmark harness (issue: tools/EDoc.Bench with baselines measured in the same run) lands next.
Console.WriteLine("EDoc.Bench: not yet implemented.");
return 1;
