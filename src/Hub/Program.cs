using Lsb.Hub;

return await HubCommandLine.RunAsync(args);
