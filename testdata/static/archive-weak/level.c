int level = 9;
int level_from_archive_marker = 1;
