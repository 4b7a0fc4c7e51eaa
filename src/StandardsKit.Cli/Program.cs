using StandardsKit.Cli;

return CliApp.Run(args, Console.Out, Console.Error, Console.In, Environment.CurrentDirectory);
