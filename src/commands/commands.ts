// The manifest's FunctionFile: ribbon commands that run without the task pane.
// The only button so far opens the task pane, which needs no function here.

Office.onReady(() => {
  // Functions are registered here with Office.actions.associate once a command needs one.
});
