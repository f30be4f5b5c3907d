/** Interface text in English: unsaved changes kept while an editor types, and the question of publishing the Vietnamese text with the item. */
export const draftsEn = {
  // The notice on an edit page when the editor has changes kept but not saved.
  'editing.autosave.offer': 'You have unsaved changes from {when}.',
  'editing.autosave.stale': 'Since then, {name} saved this item ({when}). If you restore your changes and save, you will see both versions side by side and choose.',
  'editing.autosave.restore': 'Restore them',
  'editing.autosave.discard': 'Discard',
  'editing.autosave.restored': 'Your unsaved changes from {when} are back in the form below. They are not saved yet: choose Save to keep them.',
  'editing.autosave.nothingToRestore': 'There are no unsaved changes to restore: they were saved or discarded meanwhile.',
  'editing.done.discarded': 'Your unsaved changes were discarded.',
  // What the edit script says in the action bar after keeping the form ({time}: the office's time of day).
  'editing.autosave.statusSaved': 'Autosaved at {time}',
  'editing.autosave.statusFailed': 'Not autosaved: the site could not be reached. Your text is still here; save when you can.',
  'editing.autosave.statusRefused': 'Not autosaved: a field is far too long. Shorten it, then save.',

  // Publishing an item whose Vietnamese text is filled in but still a draft.
  'editing.publishBoth.title': 'Publish the Vietnamese text too?',
  'editing.publishBoth.explain': 'The Vietnamese text of “{title}” is filled in but stays a draft: visitors to the Vietnamese site would read the English text instead. Publish it too?',
  'editing.publishBoth.viTitle': 'Vietnamese title:',
  'editing.publishBoth.when': 'It will be published on {when} ({zone}).',
  'editing.publishBoth.both': 'Publish both',
  'editing.publishBoth.englishOnly': 'Publish English only',
  'editing.publishBoth.scheduleBoth': 'Schedule both',
  'editing.publishBoth.scheduleEnglishOnly': 'Schedule English only',
  'editing.publishBoth.back': 'Back to the form without publishing',
} as const;
