// Starts kalsp (LSP over stdio) for keepalived.conf files. The server does the work: this only
// tells VS Code how to run it and which files it serves.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function settings() {
  const config = vscode.workspace.getConfiguration('kalsp');
  const options = { fleet: config.get('fleet', true), disable: config.get('disable', []) };
  const target = config.get('targetVersion', '');
  if (target) options.targetVersion = target;
  return options;
}

function activate() {
  const command = vscode.workspace.getConfiguration('kalsp').get('path', 'kalsp');
  const serverOptions = { command, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'keepalived' },
      { scheme: 'untitled', language: 'keepalived' },
    ],
    initializationOptions: settings(),
    // Sends workspace/didChangeConfiguration with { kalsp: { ... } } when the settings change.
    synchronize: { configurationSection: 'kalsp' },
  };
  client = new LanguageClient('kalsp', 'kalsp (keepalived.conf)', serverOptions, clientOptions);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
