// The SuiteCloud CLI (`suitecloud project:validate`, `project:deploy`) reads this file in the folder it
// runs in: the SDF project is src/ (manifest.xml, deploy.xml, Objects, FileCabinet). See docs/deploying.md.
// CommonJS whatever package.json says: the CLI runs the file's text as a CommonJS module (its
// CLIConfigurationService evaluates it in a vm2 NodeVM).
module.exports = {
  defaultProjectFolder: "src",
  commands: {},
};
